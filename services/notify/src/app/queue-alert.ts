import { createHash } from "node:crypto";
import { Clock } from "@crisis/platform/ports";
import { PushBatchRequested } from "../gen/crisis/notify/v1/push_delivery";
import { Subscription } from "../domain/subscription";
import { DeliveryQueue, DeliveryReports } from "./ports";

/**
 * Subscribers of one alert are split into this many slices, one queued batch each: few enough
 * JetStream messages for 100,000 subscribers, small enough batches to spread over instances.
 */
export const slices = 1024;
const publishWindow = 256;

/** RFC 8030 Topic: at most 32 base64url characters; a newer push with it replaces an undelivered older one. */
export const pushTopicFor = (scope: string) => createHash("sha256").update(scope).digest("base64url").slice(0, 32);

/** A stable slice for a subscription (FNV-1a of its id): the same batches on every run. */
export function sliceOf(subscriptionId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < subscriptionId.length; i++) hash = Math.imul(hash ^ subscriptionId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % slices;
}

export interface Alert {
  alertId: string;
  /** RFC 8030 Urgency: high for shelter openings and staff notices. */
  urgency: "high" | "normal" | "low";
  /** How long the news stays true: the push service drops it after that. */
  ttlSeconds: number;
  /** What a newer alert replaces (a facility, an area, a staff member's notices). */
  topicScope: string;
  recipients: Iterable<{ subscription: Subscription; payload: string }>;
}

/**
 * Queues one alert's pushes in batches, one per slice of its recipients. Batch ids derive from
 * the alert and the slice, so queuing the same alert again (after a crash, or from a second
 * instance) adds nothing: JetStream drops the duplicates. Returns the number of recipients.
 */
export async function queueAlert(
  deps: { queue: DeliveryQueue; clock: Clock; reports: DeliveryReports },
  alert: Alert,
  correlationId: string,
): Promise<number> {
  const queuedAt = deps.clock.now().toISOString();
  const batches = new Map<number, { batch: PushBatchRequested; payloadIndex: Map<string, number> }>();
  let recipients = 0;
  for (const { subscription, payload } of alert.recipients) {
    const slice = sliceOf(subscription.id);
    let entry = batches.get(slice);
    if (!entry) {
      const batch = PushBatchRequested.fromPartial({
        batchId: `${alert.alertId}.${slice}`,
        alertId: alert.alertId,
        topic: pushTopicFor(alert.topicScope),
        queuedAt,
        ttlSeconds: alert.ttlSeconds,
        urgency: alert.urgency,
      });
      batches.set(slice, (entry = { batch, payloadIndex: new Map() }));
    }
    let index = entry.payloadIndex.get(payload);
    if (index === undefined) {
      entry.payloadIndex.set(payload, (index = entry.batch.payloads.length));
      entry.batch.payloads.push(payload);
    }
    entry.batch.deliveries.push({ subscriptionId: subscription.id, payloadIndex: index });
    recipients++;
  }
  // Publishes go out in windows rather than one round trip at a time.
  const queued = [...batches.values()].map((b) => b.batch);
  for (let i = 0; i < queued.length; i += publishWindow) {
    await Promise.all(queued.slice(i, i + publishWindow).map((batch) => deps.queue.enqueue(batch, correlationId)));
  }
  await deps.reports.queued(alert.alertId, recipients);
  return recipients;
}
