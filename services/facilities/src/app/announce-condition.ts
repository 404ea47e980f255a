import { ChangeSource } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
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
  await deps.events.statusChanged(change, correlationId);
  deps.board.announce(change);
  return change;
}

/** Each facility's decisions are one subject of the decision log. */
export const facilityKey = (id: string) => `facility:${id}`;
export const serviceKey = (serviceId: string, channel: string) => `service:${serviceId}/${channel}`;
