import { drawLimits, limitApplies } from "./floors";
import { buildProblem, canWorkShift, holdsSkills, isAwayDuringPlan } from "./problem";
import { clashes, type Shift } from "./shifts";
import type { Assignment, PlanRequest } from "../types";

/**
 * The baseline a hurried clerk would follow: positions in time order, each to the first free
 * qualified person on the roster whose department can spare them. Kept for comparison only.
 */
export function greedyPlan(request: PlanRequest): Assignment[] {
  const problem = buildProblem(request.staff, request.departments, request.posts, request);
  const limits = drawLimits(problem, request.level);
  const drawn = new Map(limits.map((l) => [l, 0]));
  const shifts = new Map<string, Shift[]>();
  const assignments: Assignment[] = [];
  for (const position of problem.positions) {
    const shift = problem.shifts[position.shift]!;
    const person = problem.staff.find((p) => {
      if (!holdsSkills(p, position.skills) || !canWorkShift(problem, p, shift)) return false;
      const mine = shifts.get(p.id) ?? [];
      if (mine.some((s) => clashes(s, shift))) return false;
      if (p.maxHours !== undefined && mine.reduce((h, s) => h + s.hours, 0) + shift.hours > p.maxHours) return false;
      const counts = mine.length === 0 && !isAwayDuringPlan(p, problem);
      return !counts || limits.every((l) => !limitApplies(l, p) || drawn.get(l)! < l.limit);
    });
    if (!person) continue;
    if ((shifts.get(person.id) ?? []).length === 0 && !isAwayDuringPlan(person, problem)) {
      for (const l of limits) if (limitApplies(l, person)) drawn.set(l, drawn.get(l)! + 1);
    }
    shifts.set(person.id, [...(shifts.get(person.id) ?? []), shift]);
    assignments.push({ staffId: person.id, postId: position.post.id, position: position.position, acknowledged: false });
  }
  return assignments;
}
