import { Clock, Logger } from "@crisis/platform/ports";
import { CrowdingChanged } from "@crisis/platform/contracts/crowding";
import { composeFullShelter, fullAlertDue, topicsOfFull } from "../domain/full-shelter";
import { Subscription } from "../domain/subscription";
import { composedFor } from "./issue-alert";
import { DeliveryQueue, DeliveryReports, SubscriptionStore } from "./ports";
import { queueAlert } from "./queue-alert";

/** When each shelter's last "full" alert went (kept across restarts and instances). */
export interface FullAlertLog {
  lastAt(facilityId: string): Promise<Date | undefined>;
  record(facilityId: string, at: Date): Promise<void>;
}

export interface FullShelterDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  reports: DeliveryReports;
  log: FullAlertLog;
  clock: Clock;
  minIntervalMs: number;
  baseUrl: string;
  ttlSeconds: number;
}

/**
 * A shelter became full: one push to its followers and its ward's, naming the nearest shelters
 * with room. The alert id comes from the event, so a redelivery queues nothing twice.
 */
export async function announceFullShelter(deps: FullShelterDeps, c: CrowdingChanged, correlationId: string, logger: Logger) {
  const now = deps.clock.now();
  const last = await deps.log.lastAt(c.facilityId);
  const alertId = `${c.eventId}.full`;
  if (!fullAlertDue(c, last, now, deps.minIntervalMs)) {
    if (last) logger.info({ facilityId: c.facilityId, lastAlertAt: last.toISOString() }, "shelter full again; told recently");
    return 0;
  }
  const followers = new Map<string, { subscription: Subscription }>();
  for (const topic of topicsOfFull(c)) for (const s of deps.store.followers(topic)) followers.set(s.id, { subscription: s });
  const recipients = await queueAlert(
    deps,
    {
      alertId,
      urgency: "high",
      ttlSeconds: deps.ttlSeconds,
      topicScope: `crowding:${c.facilityId}`,
      recipients: composedFor(followers.values(), ({ subscription }) => composeFullShelter(alertId, c, subscription.lang, deps.baseUrl)),
    },
    correlationId,
  );
  await deps.log.record(c.facilityId, now);
  logger.info({ facilityId: c.facilityId, recipients, nearest: c.nearestWithRoom.length }, "full shelter announced");
  return recipients;
}
