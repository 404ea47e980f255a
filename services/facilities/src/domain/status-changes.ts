import { ChangeSource } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { Condition } from "./condition";
import { Facility } from "./facility";

/** Why a facility's state moved: the event ids are derived from the cause, so a re-run names them the same. */
export interface ChangeCause {
  eventId: string;
  causeEventId: string;
  source: ChangeSource;
  at: string;
}

/** The event for one facility whose use, shelter operation or status really changed. */
export function statusChange(facility: Facility, before: Condition, after: Condition, cause: ChangeCause): FacilityStatusChanged {
  return FacilityStatusChanged.fromPartial({
    eventId: cause.eventId,
    facilityId: facility.id,
    facilityName: facility.name,
    category: facility.category,
    ward: facility.ward,
    previousStatus: before.status,
    status: after.status,
    causeEventId: cause.causeEventId,
    changedAt: cause.at,
    reason: after.reasons[0] ?? before.reasons[0] ?? "",
    previousUse: before.use,
    use: after.use,
    previousShelter: before.shelter,
    shelter: after.shelter,
    source: cause.source,
    reasons: after.reasons,
    latitude: facility.latitude,
    longitude: facility.longitude,
    address: facility.address,
  });
}

/** A playbook change's event id: one per declaration and facility. */
export const playbookChangeId = (modeEventId: string, facilityId: string) => `${modeEventId}.${facilityId}`;
