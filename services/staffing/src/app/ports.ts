import type { StaffReassigned, StaffReleased } from "@crisis/platform/contracts/events";
import type { Department, LinearProgramSolver, StaffMember } from "../domain";

/** The people staffing plans with and their departments' floors: the city's own roster, or the made-up one. */
export interface Roster {
  readonly staff: readonly StaffMember[];
  readonly departments: readonly Department[];
}

export type { LinearProgramSolver };

/** Where staffing's events go (JetStream): each event id is deterministic, so a repeat publishes nothing twice. */
export interface StaffEvents {
  reassigned(event: StaffReassigned, correlationId: string): Promise<void>;
  released(event: StaffReleased, correlationId: string): Promise<void>;
}
