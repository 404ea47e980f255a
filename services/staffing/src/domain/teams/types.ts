import type { ContinuityFloor, Department, LevelName, Skill, StaffMember } from "../types";

/** How many teams (班) a department splits into and how often they swap office and home. */
export interface TeamSetting {
  readonly department: string;
  readonly teams: 2 | 3;
  /** `day`: teams take turns day by day; `week`: week by week. */
  readonly rota: "day" | "week";
  /**
   * What one team alone must keep open (people per skill). Without it, the department's floor
   * at the request's level.
   */
  readonly floor?: ContinuityFloor;
}

export interface TeamSplitRequest {
  readonly staff: readonly StaffMember[];
  readonly departments: readonly Department[];
  readonly settings: readonly TeamSetting[];
  readonly level: LevelName;
  /**
   * People who count for no team's floor: on an emergency post in the plan in force, or away.
   * They still belong to a team, so they know where they stand when they come back.
   */
  readonly notAtDesk: ReadonlySet<string>;
  /** Each person's team in the last split (team letter, A B C), to move as few as possible. */
  readonly previous?: ReadonlyMap<string, string>;
}

/** One floor of one team: what it needs, what it has, and the difference. */
export interface FloorMargin {
  /** Absent for the headcount floor. */
  readonly skill?: Skill;
  readonly minimum: number;
  readonly have: number;
  readonly margin: number;
}

export interface Team {
  /** `<department>.<letter>`, e.g. `chuo-kumin.A`. */
  readonly id: string;
  readonly letter: string;
  readonly members: readonly string[];
  /** Members who count for the floors (at their desks). */
  readonly atDesk: number;
  readonly margins: readonly FloorMargin[];
}

export interface DepartmentTeams {
  readonly department: string;
  readonly name: string;
  readonly rota: "day" | "week";
  readonly floor: ContinuityFloor;
  readonly teams: readonly Team[];
  /** People whose team differs from the last split's. */
  readonly moves: number;
}

/**
 * No split of the department lets every team meet this floor: `needed` people (the floor times
 * the number of teams) of whom only `available` are at their desks.
 */
export interface DepartmentShort {
  readonly department: string;
  readonly name: string;
  readonly skill?: Skill;
  readonly minimum: number;
  readonly teams: number;
  readonly needed: number;
  readonly available: number;
  readonly short: number;
  readonly explanation: string;
}

export interface TeamSplit {
  readonly departments: readonly DepartmentTeams[];
  readonly short: readonly DepartmentShort[];
  readonly moves: number;
}

export const TEAM_LETTERS = ["A", "B", "C"] as const;
