import { ChangeSource, FacilityUse, ServiceLevel, ShelterOperation } from "@crisis/platform/contracts";
import {
  AddRestrictionRequest,
  FacilityCorrection,
  Restriction,
  ServiceLevelDecision,
  SetServiceLevelRequest,
} from "@crisis/platform/contracts/facilities";
import { errors } from "./errors";
import { insideJapan } from "./public-facility-rows";

const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 time with its zone, stored as UTC; empty means `fallback`. */
export function utc(value: string, field: string, fallback?: Date): string {
  if (!value) {
    if (fallback) return fallback.toISOString();
    return "";
  }
  if (!zoned.test(value) || Number.isNaN(Date.parse(value))) throw errors.timeInvalid(field);
  return new Date(value).toISOString();
}

function window(startsAt: string, endsAt: string, now: Date): { startsAt: string; endsAt: string } {
  const start = utc(startsAt, "startsAt", now);
  const end = utc(endsAt, "endsAt");
  if (end && Date.parse(end) <= Date.parse(start)) throw errors.endBeforeStart();
  return { startsAt: start, endsAt: end };
}

function reason(value: string): string {
  const r = value.trim();
  if (!r || r.length > 500) throw errors.reasonMissing();
  return r;
}

const restrictive = new Set([
  FacilityUse.FACILITY_USE_REDUCED_HOURS,
  FacilityUse.FACILITY_USE_CAPACITY_LIMITED,
  FacilityUse.FACILITY_USE_RESERVATION_ONLY,
  FacilityUse.FACILITY_USE_PARTLY_CLOSED,
  FacilityUse.FACILITY_USE_CLOSED,
]);

/** A manual restriction from a request, validated: nothing is stored when this throws. */
export function manualRestriction(req: AddRestrictionRequest, id: string, now: Date): Restriction {
  if (!restrictive.has(req.kind)) throw errors.kindInvalid();
  const why = reason(req.reason);
  if (req.kind === FacilityUse.FACILITY_USE_REDUCED_HOURS && !req.hours) throw errors.detailMissing("hours", "reduced_hours");
  if (req.kind === FacilityUse.FACILITY_USE_CAPACITY_LIMITED && !(req.capacity > 0))
    throw errors.detailMissing("capacity", "capacity_limited");
  if (req.kind === FacilityUse.FACILITY_USE_PARTLY_CLOSED && !req.parts.length) throw errors.detailMissing("parts", "partly_closed");
  return Restriction.fromPartial({
    id,
    facilityId: req.facilityId,
    kind: req.kind,
    reason: why,
    source: ChangeSource.CHANGE_SOURCE_MANUAL,
    author: req.author,
    ...window(req.startsAt, req.endsAt, now),
    hours: req.hours,
    capacity: req.capacity,
    parts: req.parts,
  });
}

export function shelterState(state: ShelterOperation): ShelterOperation {
  if (state !== ShelterOperation.SHELTER_OPERATION_OPEN && state !== ShelterOperation.SHELTER_OPERATION_CLOSED)
    throw errors.shelterStateInvalid();
  return state;
}

export const shelterReason = reason;

/** A correction from a request, validated (coordinates must be in Japan). */
export function checkCorrection(c: FacilityCorrection): FacilityCorrection {
  if (c.name !== undefined && !c.name.trim()) throw errors.nameEmpty();
  if (c.latitude !== undefined && !insideJapan(c.latitude, 135)) throw errors.coordinatesOutsideJapan("latitude");
  if (c.longitude !== undefined && !insideJapan(35, c.longitude)) throw errors.coordinatesOutsideJapan("longitude");
  if (c.capacity !== undefined && !(Number.isInteger(c.capacity) && c.capacity > 0)) throw errors.capacityInvalid();
  return c;
}

const levels = new Set([
  ServiceLevel.SERVICE_LEVEL_NORMAL,
  ServiceLevel.SERVICE_LEVEL_REDUCED,
  ServiceLevel.SERVICE_LEVEL_SUSPENDED,
  ServiceLevel.SERVICE_LEVEL_ONLINE_ONLY,
  ServiceLevel.SERVICE_LEVEL_EXTENDED,
]);

/** A manual level for one service channel from a request, validated. */
export function manualLevel(req: SetServiceLevelRequest, id: string, now: Date): ServiceLevelDecision {
  if (!levels.has(req.level)) throw errors.levelInvalid();
  return ServiceLevelDecision.fromPartial({
    id,
    serviceId: req.serviceId,
    channel: req.channel,
    level: req.level,
    reason: reason(req.reason),
    ...window(req.startsAt, req.endsAt, now),
    source: ChangeSource.CHANGE_SOURCE_MANUAL,
    decidedBy: req.author,
    decidedAt: now.toISOString(),
  });
}
