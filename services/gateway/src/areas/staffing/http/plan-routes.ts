import { FastifyInstance } from "fastify";
import { applyStaffingPlan } from "../app/apply-staffing-plan";
import { StaffingPlans } from "../app/ports";
import { proposeStaffingPlan } from "../app/propose-staffing-plan";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { staffingAnswers } from "./schemas";

const planners = ["manager", "staffing_officer"] as const;

export const staffingPlanApi = {
  propose: declareRoute({
    method: "POST",
    url: "/api/v1/staffing/plans",
    summary: "Propose a staffing plan for review",
    roles: planners,
    responses: { 200: "the proposed plan" },
    answers: { 200: staffingAnswers.staffingPlan },
  }),
  apply: declareRoute({
    method: "POST",
    url: "/api/v1/staffing/plans/:id/apply",
    summary: "Put a proposed plan in force (one notice per person whose duty changed)",
    roles: planners,
    responses: { 200: "what was published" },
    problems: { 404: "PLAN_NOT_FOUND", 409: "PLAN_STALE" },
    answers: { 200: staffingAnswers.planApplied },
  }),
};

export function staffingPlanRoutes(app: FastifyInstance, plans: StaffingPlans) {
  serve(app, staffingPlanApi.propose, async ({ request, caller }) => proposeStaffingPlan(plans, caller.subject, request.id));
  serve(app, staffingPlanApi.apply, async ({ request, params, caller }) => applyStaffingPlan(plans, params.id, caller.subject, request.id));
}
