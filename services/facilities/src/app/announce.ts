import { ChangeSource, eventTypes } from "@crisis/platform/contracts";
import { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { sameCondition } from "../domain/condition";
import { statusChange } from "../domain/status-changes";
import { FacilitiesDeps } from "./ports";

/**
 * Publishes a facility's state at `at` if it differs from what was last announced: only real changes
 * make an event, and `eventId` comes from the cause, so a re-run publishes nothing twice.
 */
export async function announceCondition(
  deps: FacilitiesDeps,
  facilityId: string,
  cause: { eventId: string; causeEventId: string; source: ChangeSource; at: Date },
  correlationId: string,
): Promise<FacilityStatusChanged | undefined> {
  const record = deps.board.record(facilityId);
  if (!record) return undefined;
  const before = deps.board.announcedOf(facilityId).condition;
  const after = deps.board.conditionAt(facilityId, cause.at.getTime());
  if (sameCondition(before, after)) return undefined;
  const change = statusChange(record.facility, before, after, { ...cause, at: cause.at.toISOString() });
  await deps.events.publish(eventTypes.facilityStatusChanged, change, { eventId: change.eventId, correlationId });
  deps.board.announce(change);
  return change;
}

/** Publishes a service channel's level at `at` if it differs from the one last announced. */
export async function announceLevel(
  deps: FacilitiesDeps,
  serviceId: string,
  channel: string,
  cause: { eventId: string; causeEventId: string; source: ChangeSource; at: Date },
  correlationId: string,
): Promise<ServiceLevelChanged | undefined> {
  const def = deps.board.serviceDefs.get(serviceId);
  if (!def) return undefined;
  const before = deps.board.announcedLevel(serviceId, channel);
  const { level, decision } = deps.board.levelAt(serviceId, channel, cause.at.getTime());
  if (level === before) return undefined;
  const change = ServiceLevelChanged.fromPartial({
    eventId: cause.eventId,
    serviceId,
    serviceName: def.name,
    channel,
    previousLevel: before,
    level,
    reason: decision?.reason ?? "",
    startsAt: decision?.startsAt ?? cause.at.toISOString(),
    endsAt: decision?.endsAt ?? "",
    source: cause.source,
    causeEventId: cause.causeEventId,
    changedAt: cause.at.toISOString(),
    wards: decision?.wards ?? [],
  });
  await deps.events.publish(eventTypes.serviceLevelChanged, change, { eventId: change.eventId, correlationId });
  deps.board.announceLevel(change);
  return change;
}
