import type { ProposedPlan } from "./plan-book";
import type { Department, DepartmentRota, LinearProgramSolver, StaffMember, StaffRecord } from "../domain";

/** The people staffing plans with and their departments' floors: the city's own roster, or the made-up one. */
export interface Roster {
  readonly staff: readonly StaffMember[];
  readonly departments: readonly Department[];
}

export type { LinearProgramSolver };

/** Each person's duties, notices and minutes on duty, one record per person (a KV bucket: kept across restarts). */
export interface DutyBook {
  /** The record as stored now (an answer through another instance included). */
  get(staffId: string): Promise<StaffRecord | undefined>;
  /** Changes one record; a concurrent write makes it read and change again. Returning the record unchanged writes nothing. */
  update(staffId: string, change: (record: StaffRecord) => StaffRecord): Promise<StaffRecord>;
  /** Every record, as this instance last saw them (for views and the reminder tick). */
  all(): Iterable<StaffRecord>;
}

/** The plan in force and the declaration a person reviewed, as last put in force. */
export interface KeptPlans {
  readonly inForce?: ProposedPlan;
  readonly reviewedFor?: string;
}

/** Where the plan in force is kept (a KV bucket): it survives a restart and a standby taking over. */
export interface PlanStore {
  load(): Promise<KeptPlans | undefined>;
  save(kept: KeptPlans): Promise<void>;
}

/** Each department's continuity teams and rota, with the teams out (a KV bucket, one key per department). */
export interface TeamStore {
  get(department: string): Promise<DepartmentRota | undefined>;
  put(rota: DepartmentRota): Promise<void>;
  all(): Promise<DepartmentRota[]>;
}
