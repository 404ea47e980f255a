import { createHash } from "node:crypto";
import { Clock, Logger } from "@crisis/platform";
import { FacilityStatusChanged, PlaybookApplied } from "@crisis/platform/contracts/events";
import { PushBatchRequested } from "../gen/crisis/notify/v1/push_delivery";
import { AlertMessage, composeAlert } from "../domain/compose-alert";
import { Subscription } from "../domain/subscription";
import { topicsOf } from "../domain/topics";
import { AlertEvents, DeliveryQueue, SubscriptionStore } from "./ports";

export interface IssueAlertDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  events: AlertEvents;
  clock: Clock;
  statusUrl: string;
  ttlSeconds: number;
}

/**
 * Subscribers of one alert are split into this many slices, one queued batch each: few enough
 * JetStream messages for 100,000 subscribers, small enough batches to spread over instances.
 */
export const slices = 1024;
const publishWindow = 256;

/** RFC 8030 Topic: at most 32 base64url characters, the same for every retry of one alert. */
export const pushTopicFor = (alertId: string) => createHash("sha256").update(alertId).digest("base64url").slice(0, 32);

/** A stable slice for a subscription (FNV-1a of its id): the same batches on every run. */
export function sliceOf(subscriptionId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < subscriptionId.length; i++) hash = Math.imul(hash ^ subscriptionId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % slices;
}

/** Each subscriber some change concerns, with those changes in their original order: found through the topic index. */
export function concerned(store: SubscriptionStore, changes: FacilityStatusChanged[]) {
  const found = new Map<string, { subscription: Subscription; changes: FacilityStatusChanged[] }>();
  for (const change of changes) {
    for (const topic of topicsOf(change)) {
      for (const subscription of store.followers(topic)) {
        const entry = found.get(subscription.id);
        if (!entry) found.set(subscription.id, { subscription, changes: [change] });
        else if (entry.changes.at(-1) !== change) entry.changes.push(change);
      }
    }
  }
  return found.values();
}

/**
 * Turns one applied playbook into one alert, then queues its pushes in batches, one per slice
 * of the subscribers its changes concern. Batch ids are derived from the alert and the slice,
 * so running this again after a crash queues nothing twice.
 */
export async function issueAlert(deps: IssueAlertDeps, applied: PlaybookApplied, correlationId: string, logger: Logger): Promise<void> {
  const mode = applied.mode;
  if (!mode) throw new Error(`PlaybookApplied ${applied.eventId} carries no mode`);
  const alertId = `${applied.modeEventId}.alert`;
  const queuedAt = deps.clock.now().toISOString();
  const batches = new Map<number, { batch: PushBatchRequested; payloadIndex: Map<string, number> }>();
  // Subscribers with the same topics and language get the same text: composed once.
  const composed = new Map<string, string | null>();
  let recipients = 0;
  for (const { subscription, changes } of concerned(deps.store, applied.changes)) {
    const key = `${subscription.lang}|${subscription.topics.join(",")}`;
    let payload = composed.get(key);
    if (payload === undefined) {
      const message: AlertMessage | null = composeAlert(alertId, mode, changes, subscription.lang, deps.statusUrl);
      composed.set(key, (payload = message && JSON.stringify(message)));
    }
    if (payload === null) continue;
    const slice = sliceOf(subscription.id);
    let entry = batches.get(slice);
    if (!entry) {
      const batch = PushBatchRequested.fromPartial({
        batchId: `${alertId}.${slice}`,
        alertId,
        topic: pushTopicFor(alertId),
        queuedAt,
        ttlSeconds: deps.ttlSeconds,
        urgency: "high",
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
  const everyone = composeAlert(alertId, mode, applied.changes, "ja", deps.statusUrl);
  const everyoneEn = composeAlert(alertId, mode, applied.changes, "en", deps.statusUrl);
  await deps.events.alertIssued(
    {
      eventId: alertId,
      causeEventId: applied.modeEventId,
      mode,
      titleJa: everyone?.title ?? "",
      titleEn: everyoneEn?.title ?? "",
      bodyJa: everyone?.body ?? "",
      bodyEn: everyoneEn?.body ?? "",
      recipients,
      issuedAt: queuedAt,
    },
    correlationId,
  );
  logger.info({ alertId, recipients, batches: queued.length, changes: applied.changes.length }, "alert issued");
}
