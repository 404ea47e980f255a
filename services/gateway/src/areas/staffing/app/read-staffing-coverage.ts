import { DutyDesk } from "./ports";

/** The plan in force now (after declines, replacements and releases): coverage per post, ward and skill, and floor margins. */
export async function readStaffingCoverage(desk: DutyDesk, correlationId: string) {
  const now = await desk.coverage(correlationId);
  return {
    planId: now.planId || null,
    positionsRequired: now.positionsRequired,
    positionsCovered: now.positionsCovered,
    coverage: { perPost: now.perPost, perWard: now.perWard, perSkill: now.perSkill },
    floors: now.floors,
  };
}
