import { ChangeSource, FacilityStatus, FacilityUse, ShelterOperation } from "@crisis/platform/contracts";
import { HistoryEntry, Restriction } from "@crisis/platform/contracts/facilities";
import { Facility } from "./facility";
import { effectiveUse } from "./restriction";

/** Who last opened or closed a shelter and why. */
export interface ShelterDecision {
  state: ShelterOperation;
  source: ChangeSource;
  reason: string;
  by: string;
  at: string;
  causeEventId: string;
}

/** What is known of one facility: its registry entry, its restrictions (ended ones too), its shelter decisions. */
export interface FacilityRecord {
  facility: Facility;
  restrictions: Restriction[];
  /** What the current mode's playbook decided for the shelter. */
  shelterPlaybook?: ShelterDecision;
  /** What staff decided for the shelter: outlasts every playbook. */
  shelterManual?: ShelterDecision;
  history: HistoryEntry[];
}

/** A facility's effective state at one moment. */
export interface Condition {
  use: FacilityUse;
  shelter: ShelterOperation;
  status: FacilityStatus;
  reasons: string[];
}

export const newRecord = (facility: Facility): FacilityRecord => ({ facility, restrictions: [], history: [] });

/** The one status citizens read: a shelter open is SHELTER_OPEN whatever its ordinary use (a school closed for classes). */
export function combinedStatus(use: FacilityUse, shelter: ShelterOperation): FacilityStatus {
  if (shelter === ShelterOperation.SHELTER_OPERATION_OPEN) return FacilityStatus.FACILITY_STATUS_SHELTER_OPEN;
  if (use === FacilityUse.FACILITY_USE_CLOSED) return FacilityStatus.FACILITY_STATUS_CLOSED;
  if (use !== FacilityUse.FACILITY_USE_OPEN) return FacilityStatus.FACILITY_STATUS_RESTRICTED;
  return FacilityStatus.FACILITY_STATUS_NORMAL;
}

/** The decision in force: a manual one outlasts the playbook. */
export const shelterDecision = (record: FacilityRecord): ShelterDecision | undefined => record.shelterManual ?? record.shelterPlaybook;

/** A facility's effective use, shelter operation and combined status at time t. */
export function conditionAt(record: FacilityRecord, t: number): Condition {
  const { use, reasons } = effectiveUse(record.restrictions, t);
  const decision = shelterDecision(record);
  const shelter = !record.facility.canShelter
    ? ShelterOperation.SHELTER_OPERATION_UNSPECIFIED
    : (decision?.state ?? ShelterOperation.SHELTER_OPERATION_NOT_OPENED);
  // An open or closed shelter says why (a stand-down's closing is told as such, not by the opening's reason).
  const decided = shelter === ShelterOperation.SHELTER_OPERATION_OPEN || shelter === ShelterOperation.SHELTER_OPERATION_CLOSED;
  const shelterReasons = decided && decision?.reason ? [decision.reason] : [];
  return { use, shelter, status: combinedStatus(use, shelter), reasons: [...shelterReasons, ...reasons] };
}

/** What citizens are told before anything was decided. */
export const ordinaryCondition = (facility: Facility): Condition => conditionAt(newRecord(facility), 0);

export const sameCondition = (a: Condition, b: Condition) => a.use === b.use && a.shelter === b.shelter && a.status === b.status;
