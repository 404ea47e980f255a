import type { ContinuityFloor, StaffMember } from "../../../src/domain";

/**
 * The exact model: tries every way of putting a department's people at their desks into K
 * teams, and says whether one lets each team meet the floor. Small instances only (K^n).
 */
export function splitExists(atDesk: readonly StaffMember[], floor: ContinuityFloor, K: number): boolean {
  const n = atDesk.length;
  const team = new Array<number>(n).fill(0);
  const meets = () => {
    for (let t = 0; t < K; t++) {
      const members = atDesk.filter((_, i) => team[i] === t);
      if (members.length < floor.headcount) return false;
      for (const [skill, minimum] of Object.entries(floor.skills ?? {}))
        if (members.filter((p) => p.skills.includes(skill)).length < minimum) return false;
    }
    return true;
  };
  const total = K ** n;
  for (let code = 0; code < total; code++) {
    let c = code;
    for (let i = 0; i < n; i++) {
      team[i] = c % K;
      c = Math.floor(c / K);
    }
    if (meets()) return true;
  }
  return false;
}
