import { HOUR_MS, makeShift, overlapsPeriod, REST_HOURS, type Shift } from "./shifts";
import type { Department, Post, Skill, StaffMember } from "../types";

/** One position on one post, the unit of coverage. */
export interface Position {
  readonly post: Post;
  readonly position: number;
  readonly skills: readonly Skill[];
  readonly shift: number;
  readonly role: number;
}

/** Positions that any holder of the same skills could fill in the same shift. */
export interface Role {
  readonly index: number;
  readonly shift: number;
  readonly skills: readonly Skill[];
}

/** The request in indexed form, everything sorted so that the same input plans the same way. */
export interface Problem {
  readonly shifts: readonly Shift[];
  readonly roles: readonly Role[];
  readonly positions: readonly Position[];
  readonly staff: readonly StaffMember[];
  readonly departments: ReadonlyMap<string, Department>;
  readonly horizon: { readonly start: number; readonly end: number };
  /** Earliest start of a person's next shift after duty served before this plan (rest rule). */
  readonly restedFrom: ReadonlyMap<string, number>;
  /** Minutes served before this plan, to spread load among alike people. */
  readonly minutesOnDuty: ReadonlyMap<string, number>;
}

export function roleKey(shift: number, skills: readonly Skill[]): string {
  return `${shift}|${[...skills].sort().join("+")}`;
}

export function expandPositions(post: Post): Skill[][] {
  return post.positions.flatMap((need) => Array.from({ length: need.count }, () => [...need.skills].sort()));
}

/** What a person served before this plan. */
export interface DutyServed {
  readonly minutesOnDuty?: ReadonlyMap<string, number>;
  readonly lastDutyEnd?: ReadonlyMap<string, Date>;
}

export function buildProblem(
  staff: readonly StaffMember[],
  departments: readonly Department[],
  posts: readonly Post[],
  served: DutyServed = {},
): Problem {
  const sortedPosts = [...posts].sort((a, b) => a.start.getTime() - b.start.getTime() || cmp(a.id, b.id));
  const shiftIndex = new Map<string, Shift>();
  for (const post of sortedPosts) {
    const key = `${post.start.getTime()}-${post.end.getTime()}`;
    if (!shiftIndex.has(key)) shiftIndex.set(key, makeShift(shiftIndex.size, post.start.getTime(), post.end.getTime()));
  }
  const roles = new Map<string, Role>();
  const positions: Position[] = [];
  for (const post of sortedPosts) {
    const shift = shiftIndex.get(`${post.start.getTime()}-${post.end.getTime()}`)!.index;
    expandPositions(post).forEach((skills, position) => {
      const key = roleKey(shift, skills);
      if (!roles.has(key)) roles.set(key, { index: roles.size, shift, skills });
      positions.push({ post, position, skills, shift, role: roles.get(key)!.index });
    });
  }
  const shifts = [...shiftIndex.values()];
  return {
    shifts,
    roles: [...roles.values()],
    positions,
    staff: [...staff].sort((a, b) => cmp(a.id, b.id)),
    departments: new Map(departments.map((d) => [d.id, d])),
    horizon: {
      start: Math.min(...shifts.map((s) => s.start)),
      end: Math.max(...shifts.map((s) => s.end)),
    },
    restedFrom: new Map([...(served.lastDutyEnd ?? [])].map(([id, end]) => [id, end.getTime() + REST_HOURS * HOUR_MS])),
    minutesOnDuty: served.minutesOnDuty ?? new Map(),
  };
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function holdsSkills(person: StaffMember, skills: readonly Skill[]): boolean {
  return skills.every((skill) => person.skills.includes(skill));
}

export function canWorkShift(problem: Problem, person: StaffMember, shift: Shift): boolean {
  if (shift.night && !person.canWorkNights) return false;
  if (shift.start < (problem.restedFrom.get(person.id) ?? -Infinity)) return false;
  return !person.unavailable.some((p) => overlapsPeriod(p, shift.start, shift.end));
}

/** Away for part of the plan: such a person is not at their desk, drawn or not. */
export function isAwayDuringPlan(person: StaffMember, problem: Problem): boolean {
  return person.unavailable.some((p) => overlapsPeriod(p, problem.horizon.start, problem.horizon.end));
}
