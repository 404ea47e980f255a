import { ChangeSource, FacilityStatus, FacilityUse, Mode, ShelterOperation } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { Facility, FacilityState } from "./facility";
import { desiredStatus } from "./playbook";

export interface PlannedChanges {
  /** Changes still to publish. */
  toPublish: FacilityStatusChanged[];
  /** Every change this declaration caused, including those published before a crash. */
  all: FacilityStatusChanged[];
}

const useOf: Record<FacilityStatus, FacilityUse> = {
  [FacilityStatus.FACILITY_STATUS_UNSPECIFIED]: FacilityUse.FACILITY_USE_OPEN,
  [FacilityStatus.FACILITY_STATUS_NORMAL]: FacilityUse.FACILITY_USE_OPEN,
  [FacilityStatus.FACILITY_STATUS_CLOSED]: FacilityUse.FACILITY_USE_CLOSED,
  [FacilityStatus.FACILITY_STATUS_RESTRICTED]: FacilityUse.FACILITY_USE_PARTLY_CLOSED,
  [FacilityStatus.FACILITY_STATUS_SHELTER_OPEN]: FacilityUse.FACILITY_USE_OPEN,
  [FacilityStatus.UNRECOGNIZED]: FacilityUse.FACILITY_USE_OPEN,
};

/** The two dimensions of the contract, read off the one status this playbook still decides. */
function useAndShelter(facility: Facility, status: FacilityStatus, when: "previous" | "now") {
  const use = useOf[status];
  const shelter = !facility.designatedShelter
    ? ShelterOperation.SHELTER_OPERATION_UNSPECIFIED
    : status === FacilityStatus.FACILITY_STATUS_SHELTER_OPEN
      ? ShelterOperation.SHELTER_OPERATION_OPEN
      : ShelterOperation.SHELTER_OPERATION_NOT_OPENED;
  return when === "previous" ? { previousUse: use, previousShelter: shelter } : { use, shelter };
}

/** A change's event id is derived from its cause, so a re-run after a crash names it the same. */
export const statusChangeId = (modeEventId: string, facilityId: string) => `${modeEventId}.${facilityId}`;

/**
 * The status changes one declaration makes: one per facility whose effective status really
 * changes. Facilities already changed by this same declaration (before a crash) are reported
 * as changed but not published again, so the handler is idempotent.
 */
export function planStatusChanges(
  facilities: Facility[],
  stateOf: (id: string) => FacilityState & { lastChange?: FacilityStatusChanged },
  mode: Mode,
  modeEventId: string,
  now: Date,
): PlannedChanges {
  const toPublish: FacilityStatusChanged[] = [];
  const all: FacilityStatusChanged[] = [];
  for (const facility of facilities) {
    const current = stateOf(facility.id);
    if (current.causeEventId === modeEventId && current.lastChange) {
      all.push(current.lastChange);
      continue;
    }
    const desired = desiredStatus(facility, mode);
    if (desired.status === current.status) continue;
    const change: FacilityStatusChanged = FacilityStatusChanged.fromPartial({
      eventId: statusChangeId(modeEventId, facility.id),
      facilityId: facility.id,
      facilityName: facility.name,
      category: facility.category,
      ward: facility.ward,
      previousStatus: current.status,
      status: desired.status,
      causeEventId: modeEventId,
      changedAt: now.toISOString(),
      reason: desired.reason,
      ...useAndShelter(facility, current.status, "previous"),
      ...useAndShelter(facility, desired.status, "now"),
      source: ChangeSource.CHANGE_SOURCE_PLAYBOOK,
      reasons: desired.reason ? [desired.reason] : [],
      latitude: facility.latitude,
      longitude: facility.longitude,
    });
    toPublish.push(change);
    all.push(change);
  }
  return { toPublish, all };
}
