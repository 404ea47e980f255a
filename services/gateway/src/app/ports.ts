import { ApplyStaffingPlanResponse, StaffingPlan } from "@crisis/platform/contracts/staffing";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { Facility } from "@crisis/platform/contracts/facilities";

export interface CurrentMode {
  event?: ModeChanged;
  /** Sequence of the last mode event on its subject (0 when none): the optimistic-concurrency token. */
  seq: number;
}

export interface ModeLog {
  current(): Promise<CurrentMode>;
  /** Stores the event unless another declaration landed after `expectedSeq` (then MODE_CONFLICT). */
  append(event: ModeChanged, expectedSeq: number, correlationId: string): Promise<number>;
}

export interface FacilitiesDirectory {
  list(correlationId: string): Promise<Facility[]>;
}

/** Staffing plans proposed for review and applied (services/staffing over gRPC). */
export interface StaffingPlans {
  propose(requestedBy: string, correlationId: string): Promise<StaffingPlan>;
  apply(planId: string, appliedBy: string, correlationId: string): Promise<ApplyStaffingPlanResponse>;
}
