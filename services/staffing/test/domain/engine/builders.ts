import { highsSolver } from "../../../src/adapters/solver/highs";
import type { Department, LevelName, Post, PositionNeed, StaffMember, Ward } from "../../../src/domain";

/** One HiGHS module for the whole test file. */
export const solver = highsSolver();

/** Small hand-made rosters for rule tests; times are Japan time on the day after the earthquake. */
export const at = (day: number, hour: number) => new Date(Date.UTC(2026, 6, 28 + day, hour - 9));

export function person(id: string, over: Partial<StaffMember> = {}): StaffMember {
  return { id, name: `職員 ${id}`, department: "dept-a", ward: "中央区", skills: [], canWorkNights: true, unavailable: [], ...over };
}

/** A department that may release everyone unless a floor is given. */
export function department(id: string, headcount = 0, skills?: Record<string, number>, level: LevelName = "emergency"): Department {
  return { id, name: `${id}課`, floors: { [level]: { headcount, ...(skills ? { skills } : {}) } } };
}

export function post(id: string, startDay: number, startHour: number, positions: PositionNeed[], ward: Ward = "中央区", hours = 8): Post {
  const start = at(startDay, startHour);
  return { id, place: `${id} place`, ward, duty: "避難所運営", start, end: new Date(start.getTime() + hours * 3_600_000), positions };
}

export const anyone = (count = 1): PositionNeed => ({ skills: [], count });
export const holding = (skill: string, count = 1): PositionNeed => ({ skills: [skill], count });
