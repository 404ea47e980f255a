import { Logger, unaryHandler } from "@crisis/platform";
import { StaffingServiceServer } from "@crisis/platform/contracts/staffing_service";
import type { StaffingPlan, ApplyStaffingPlanResponse } from "@crisis/platform/contracts/staffing";
import type { StaffingSummary } from "../../app/plan-posts";

export interface StaffingUseCases {
  summary(): StaffingSummary;
  propose(): Promise<StaffingPlan>;
  apply(planId: string, appliedBy: string, correlationId: string): Promise<ApplyStaffingPlanResponse>;
}

/** Staffing over gRPC: the summary managers see, plans proposed for review, and applying one. */
export function staffingServer(useCases: StaffingUseCases, logger: Logger): StaffingServiceServer {
  return {
    getStaffingSummary: unaryHandler(logger, "GetStaffingSummary", async () => useCases.summary()),
    proposeStaffingPlan: unaryHandler(logger, "ProposeStaffingPlan", async () => useCases.propose()),
    applyStaffingPlan: unaryHandler(logger, "ApplyStaffingPlan", async (request: { planId: string; appliedBy: string }) =>
      useCases.apply(request.planId, request.appliedBy, `apply-${request.planId}`),
    ),
  };
}
