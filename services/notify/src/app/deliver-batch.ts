import { Clock, Logger } from "@crisis/platform/ports";
import { PushBatchRequested, PushDelivery } from "../gen/crisis/notify/v1/push_delivery";
import { backoffMs } from "../domain/retry";
import { BatchProgress, DeliveryReports, PushSender, Sleep, SubscriptionStore } from "./ports";

export interface DeliverBatchDeps {
  store: SubscriptionStore;
  sender: PushSender;
  reports: DeliveryReports;
  /** What a crashed instance already settled of a batch, so its successor does not send it again. */
  progress: BatchProgress;
  clock: Clock;
  sleep: Sleep;
  random?: () => number;
}

const progressEvery = 16;

/** How each push of a batch ended. */
export type DeliveryResult = "accepted" | "gone" | "failed" | "expired" | "dropped";

/**
 * Sends every push of one batch at once (the sender limits each push service's concurrency).
 * A push the push service could not take now (429, 5xx, timeout) is retried after its
 * Retry-After or an exponential backoff with jitter, until its TTL passes; a 404/410 purges
 * the subscription; any other refusal is not retried. Resolves when every push is settled.
 * Settled pushes are written down every few, so after a crash only those in flight are sent again.
 */
export async function deliverBatch(
  deps: DeliverBatchDeps,
  batch: PushBatchRequested,
  logger: Logger,
): Promise<Record<DeliveryResult, number>> {
  const counts: Record<DeliveryResult, number> = { accepted: 0, gone: 0, failed: 0, expired: 0, dropped: 0 };
  const staleAt = new Date(batch.queuedAt).getTime() + batch.ttlSeconds * 1000;
  const random = deps.random ?? Math.random;
  const options = { topic: batch.topic, ttlSeconds: batch.ttlSeconds, urgency: batch.urgency };

  const deliver = async (delivery: PushDelivery): Promise<DeliveryResult> => {
    // Made only when there is something to say: most pushes are simply accepted.
    const log = () => logger.child({ subscriptionId: delivery.subscriptionId });
    const subscription = await deps.store.get(delivery.subscriptionId);
    if (!subscription) return "dropped";
    for (let attempt = 1; ; attempt++) {
      const remainingMs = staleAt - deps.clock.now().getTime();
      if (remainingMs <= 0) {
        log().warn({ queuedAt: batch.queuedAt }, "push still undelivered after its TTL; dropped");
        return "expired";
      }
      // The push service is told the TTL that is left, so it never keeps the message past staleness.
      const outcome = await deps.sender.send(subscription, batch.payloads[delivery.payloadIndex], {
        ...options,
        ttlSeconds: Math.ceil(remainingMs / 1000),
      });
      switch (outcome.kind) {
        case "delivered":
          return "accepted";
        case "gone":
          await deps.store.purge(subscription.id);
          log().info({ status: outcome.status }, "push service says the subscription is gone; purged");
          return "gone";
        case "rejected":
          log().error({ status: outcome.status, reason: outcome.reason }, "push service refused the message; not retried");
          return "failed";
        case "retry": {
          const delayMs = outcome.delayMs ?? backoffMs(attempt, random());
          log().debug({ reason: outcome.reason, attempt, delayMs }, "push will be retried");
          await deps.sleep(delayMs);
        }
      }
    }
  };

  const settled = { ...(await deps.progress.read(batch.batchId)) };
  const settledBefore = new Set(Object.keys(settled));
  let unsaved = 0;
  const save = () => {
    unsaved = 0;
    return deps.progress.write(batch.batchId, settled);
  };
  const results = await Promise.all(
    batch.deliveries.map(async (delivery) => {
      if (settledBefore.has(delivery.subscriptionId)) return settled[delivery.subscriptionId];
      const result = await deliver(delivery);
      settled[delivery.subscriptionId] = result;
      if (++unsaved >= progressEvery) await save();
      return result;
    }),
  );
  if (unsaved > 0) await save();
  for (const result of results) counts[result]++;
  // A subscription removed before its push counts as gone for the report.
  const { dropped, gone, ...rest } = counts;
  await deps.reports.settled(batch.alertId, batch.batchId, { ...rest, gone: gone + dropped });
  logger.debug({ batchId: batch.batchId, ...counts }, "push batch settled");
  return counts;
}
