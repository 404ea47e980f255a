import { FastifyInstance } from "fastify";
import { applyStaffingPlan } from "../../../app/apply-staffing-plan";
import { StaffingPlans } from "../../../app/ports";
import { proposeStaffingPlan } from "../../../app/propose-staffing-plan";
import { Authenticate } from "../declared-routes";

const planners = ["manager", "staffing_officer"] as const;

export function staffingPlanRoutes(app: FastifyInstance, plans: StaffingPlans, authenticate: Authenticate) {
  app.post("/api/v1/staffing/plans", async (request) => {
    const caller = await authenticate(request, planners);
    return proposeStaffingPlan(plans, caller.subject, request.id);
  });
  app.post<{ Params: { id: string } }>("/api/v1/staffing/plans/:id/apply", async (request) => {
    const caller = await authenticate(request, planners);
    return applyStaffingPlan(plans, request.params.id, caller.subject, request.id);
  });
}
