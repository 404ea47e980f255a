import { canWorkShift, cmp, isAwayDuringPlan, type Problem } from "./problem";
import { mostRestedHours, type Shift } from "./shifts";
import type { Skill, StaffMember } from "../types";

/**
 * People the solver may treat as one pool because every coverage rule treats them alike: same
 * department, skills that some position or floor asks for, shifts they can work and hour
 * limit. Home wards are left out (they only steer preferences, which `realize` keeps by
 * choosing whom of a pool to draw), so pools stay few: the model grows with pools × roles.
 * People with assignments to keep, or an hour limit on shifts of unequal length, stand alone.
 */
export interface StaffGroup {
  readonly index: number;
  readonly members: readonly StaffMember[];
  readonly department: string;
  /** The members' skills that matter to this plan. */
  readonly skills: readonly Skill[];
  readonly shifts: readonly number[];
  /** False for people away during the plan: drawing them costs their department nothing. */
  readonly countsTowardFloor: boolean;
  /** A stand-alone person's hour limit, when it can bind. */
  readonly maxHours?: number;
  /**
   * Shifts each member may work at most, for a pool whose hour limit binds on shifts of one
   * length: handed out in start order round the pool, no member exceeds it (see `realize`).
   */
  readonly shiftCap?: number;
}

export function groupStaff(problem: Problem, standAlone: ReadonlySet<string>): StaffGroup[] {
  const relevant = new Set<Skill>(problem.roles.flatMap((r) => r.skills));
  for (const department of problem.departments.values()) {
    for (const floor of Object.values(department.floors)) for (const skill of Object.keys(floor?.skills ?? {})) relevant.add(skill);
  }
  const pools = new Map<string, { members: StaffMember[]; skills: Skill[]; workable: Shift[]; limit?: number; cap?: number }>();
  for (const person of problem.staff) {
    const workable = problem.shifts.filter((s) => canWorkShift(problem, person, s));
    const skills = person.skills.filter((s) => relevant.has(s)).sort();
    const limit = bindingHourLimit(person, workable);
    const cap = limit !== undefined ? shiftCap(limit, workable) : undefined;
    const alone = standAlone.has(person.id) || (limit !== undefined && cap === undefined);
    const key = alone
      ? `person|${person.id}`
      : [person.department, skills.join("+"), workable.map((s) => s.index).join(","), isAwayDuringPlan(person, problem), cap ?? ""].join(
          "|",
        );
    const pool = pools.get(key);
    if (pool) pool.members.push(person);
    else pools.set(key, { members: [person], skills, workable, ...(alone ? { limit } : { cap }) });
  }
  return [...pools.values()]
    .sort((a, b) => cmp(a.members[0]!.id, b.members[0]!.id))
    .map((pool, index) => ({
      index,
      members: pool.members,
      department: pool.members[0]!.department,
      skills: pool.skills,
      shifts: pool.workable.map((s) => s.index),
      countsTowardFloor: !isAwayDuringPlan(pool.members[0]!, problem),
      ...(pool.limit !== undefined ? { maxHours: pool.limit } : {}),
      ...(pool.cap !== undefined ? { shiftCap: pool.cap } : {}),
    }));
}

/** An hour limit the rest rule already enforces (e.g. 16 h when two shifts are the most anyone can work) is no limit. */
function bindingHourLimit(person: StaffMember, workable: readonly Shift[]): number | undefined {
  return person.maxHours !== undefined && person.maxHours < mostRestedHours(workable) ? person.maxHours : undefined;
}

/** The limit in whole shifts when every workable shift lasts as long: then alike people can share a pool. */
function shiftCap(limit: number, workable: readonly Shift[]): number | undefined {
  const hours = workable[0]?.hours;
  return hours !== undefined && workable.every((s) => s.hours === hours) ? Math.floor(limit / hours) : undefined;
}
