import { StaffingPlans } from "./ports";

/** A plan for a manager or staffing officer to review before anyone is told to move. */
export async function proposeStaffingPlan(plans: StaffingPlans, requestedBy: string, correlationId: string) {
  const plan = await plans.propose(requestedBy, correlationId);
  return {
    id: plan.planId,
    proposedAt: plan.proposedAt,
    positionsRequired: plan.positionsRequired,
    positionsCovered: plan.positionsCovered,
    upperBound: plan.upperBound,
    coverage: { perPost: plan.perPost, perWard: plan.perWard, perSkill: plan.perSkill },
    floors: plan.floors,
    openPositions: plan.openPositions,
    changes: plan.changes.map((c) => ({
      staffId: c.staffId,
      name: c.name,
      from: c.fromPostId || null,
      to: c.toPostId || null,
      fromName: c.fromPostName || null,
      toName: c.toPostName || null,
      forced: c.forced,
      why: c.why,
    })),
  };
}
