import { limitApplies, type DrawLimit } from "./floors";
import { isAwayDuringPlan, type Problem } from "./problem";
import type { Placement } from "./realize";
import type { Released, StaffMember } from "../types";

/**
 * Floors outrank acknowledgements: when absences leave a department short, people it already
 * released go back, those whose first shift starts latest first, until the floor holds again.
 */
export function returnToFloors(problem: Problem, limits: readonly DrawLimit[], held: readonly Placement[]) {
  const firstStart = new Map<StaffMember, number>();
  for (const h of held) {
    const start = problem.shifts[h.position.shift]!.start;
    firstStart.set(h.person, Math.min(start, firstStart.get(h.person) ?? Infinity));
  }
  const present = [...firstStart.keys()].filter((p) => !isAwayDuringPlan(p, problem));
  const latestFirst = present.sort((a, b) => firstStart.get(b)! - firstStart.get(a)! || (a.id < b.id ? 1 : -1));
  const returned = new Map<StaffMember, DrawLimit>();
  for (const limit of limits) {
    const drawn = latestFirst.filter((p) => limitApplies(limit, p));
    let over = drawn.filter((p) => !returned.has(p)).length - limit.limit;
    for (const person of drawn) {
      if (over <= 0) break;
      if (returned.has(person)) continue;
      returned.set(person, limit);
      over--;
    }
  }
  return {
    kept: held.filter((h) => !returned.has(h.person)),
    returned: held.filter((h) => returned.has(h.person)).map((h) => ({ placement: h, limit: returned.get(h.person)! })),
  };
}

/** Limits that the people drawn before now exceed, because absences lowered them. */
export function overdrawnLimit(problem: Problem, limits: readonly DrawLimit[], drawnBefore: readonly StaffMember[]) {
  const present = [...new Set(drawnBefore)].filter((p) => !isAwayDuringPlan(p, problem));
  const over = limits.filter((l) => present.filter((p) => limitApplies(l, p)).length > l.limit);
  return (person: StaffMember) => over.find((l) => limitApplies(l, person));
}

/** Why a person goes back to their department, in words and as the floor itself. */
export function floorReturn(problem: Problem, limit: DrawLimit): Pick<Released, "reason" | "floor"> {
  const name = problem.departments.get(limit.department)?.name ?? limit.department;
  return {
    reason: `returned to keep ${name}'s ${limit.skill ? `${limit.skill} ` : ""}floor of ${limit.floor}`,
    floor: { department: limit.department, departmentName: name, ...(limit.skill ? { skill: limit.skill } : {}), minimum: limit.floor },
  };
}
