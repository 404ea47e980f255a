import { StaffingPlans } from "./ports";

/** Puts a reviewed plan in force; staffing tells each person whose duty changed. */
export async function applyStaffingPlan(plans: StaffingPlans, planId: string, appliedBy: string, correlationId: string) {
  const applied = await plans.apply(planId, appliedBy, correlationId);
  return { id: applied.planId, reassigned: applied.reassigned, released: applied.released, alreadyApplied: applied.alreadyApplied };
}
