import type { Department, LinearProgramSolver, StaffMember } from "../domain";

/** The people staffing plans with and their departments' floors: the city's own roster, or the made-up one. */
export interface Roster {
  readonly staff: readonly StaffMember[];
  readonly departments: readonly Department[];
}

export type { LinearProgramSolver };
