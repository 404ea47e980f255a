import {
  FacilityReading,
  LevelName,
  ShelterOperation,
  readFacilityState,
  shelterName,
  statusName,
  useName,
} from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";

/**
 * A change read by the contracts' one rule, as the pages and feeds read it. A change carries no
 * mode: a shelter's operation leads once it was opened or closed, which is what a change tells;
 * the declaration's batch passes its level.
 */
export const readChange = (c: FacilityStatusChanged, level: LevelName = "normal"): FacilityReading =>
  readFacilityState(
    {
      designatedShelter: c.shelter !== ShelterOperation.SHELTER_OPERATION_UNSPECIFIED,
      use: useName(c.use) ?? null,
      shelter: shelterName(c.shelter) ?? null,
      status: statusName(c.status) ?? null,
      reasons: c.reasons.length ? c.reasons : c.reason ? [c.reason] : [],
      since: c.changedAt || null,
    },
    level,
  );

/** What the facility read before the change. */
export const readBefore = (c: FacilityStatusChanged, level: LevelName = "normal"): FacilityReading =>
  readFacilityState(
    {
      designatedShelter: c.previousShelter !== ShelterOperation.SHELTER_OPERATION_UNSPECIFIED,
      use: useName(c.previousUse) ?? null,
      shelter: shelterName(c.previousShelter) ?? null,
      status: statusName(c.previousStatus) ?? null,
      reasons: [],
      since: null,
    },
    level,
  );

export const isOpenShelter = (c: FacilityStatusChanged) => readChange(c).state === "shelter_open";
export const wasOpenShelter = (c: FacilityStatusChanged) => readBefore(c).state === "shelter_open";
