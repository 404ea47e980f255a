import { canWorkShift, cmp, isAwayDuringPlan, type Problem } from "./problem";
import { mostRestedHours, type Shift } from "./shifts";
import type { StaffMember, Ward } from "../types";

/**
 * People the solver may treat as one pool because every rule treats them alike: same
 * department, ward, skills and shifts they can work. People with an hour limit that can bind
 * or with assignments to keep stand alone, since those rules are about one person.
 */
export interface StaffGroup {
  readonly index: number;
  readonly members: readonly StaffMember[];
  readonly department: string;
  readonly ward: Ward;
  readonly skills: readonly string[];
  readonly shifts: readonly number[];
  /** False for people away during the plan: drawing them costs their department nothing. */
  readonly countsTowardFloor: boolean;
  readonly maxHours?: number;
}

export function groupStaff(problem: Problem, standAlone: ReadonlySet<string>): StaffGroup[] {
  const pools = new Map<string, StaffMember[]>();
  for (const person of problem.staff) {
    const workable = problem.shifts.filter((s) => canWorkShift(person, s));
    const shifts = workable.map((s) => s.index);
    const alone = standAlone.has(person.id) || bindingHourLimit(person, workable) !== undefined;
    const key = alone
      ? `person|${person.id}`
      : [person.department, person.ward, [...person.skills].sort().join("+"), shifts.join(","), isAwayDuringPlan(person, problem)].join(
          "|",
        );
    const pool = pools.get(key);
    if (pool) pool.push(person);
    else pools.set(key, [person]);
  }
  return [...pools.values()]
    .sort((a, b) => cmp(a[0]!.id, b[0]!.id))
    .map((members, index) => {
      const first = members[0]!;
      return {
        index,
        members,
        department: first.department,
        ward: first.ward,
        skills: [...first.skills].sort(),
        shifts: problem.shifts.filter((s) => canWorkShift(first, s)).map((s) => s.index),
        countsTowardFloor: !isAwayDuringPlan(first, problem),
        maxHours: bindingHourLimit(
          first,
          problem.shifts.filter((s) => canWorkShift(first, s)),
        ),
      };
    });
}

/** An hour limit the rest rule already enforces (e.g. 16 h when two shifts are the most anyone can work) is no limit. */
function bindingHourLimit(person: StaffMember, workable: readonly Shift[]): number | undefined {
  return person.maxHours !== undefined && person.maxHours < mostRestedHours(workable) ? person.maxHours : undefined;
}
