import { Clock, Logger, RetryLater } from "@crisis/platform";
import { PushDeliveryRequested } from "../gen/crisis/notify/v1/push_delivery";
import { PushSender, SubscriptionStore } from "./ports";

export interface DeliverPushDeps {
  store: SubscriptionStore;
  sender: PushSender;
  clock: Clock;
  /** The push TTL: past it, a message is stale and retrying it would only deliver old news. */
  ttlSeconds: number;
}

/**
 * Sends one queued push. Resolves when the push service accepted it, or when retrying cannot
 * help (the subscription is gone: it is purged); throws RetryLater for the queue to try again.
 */
export async function deliverPush(deps: DeliverPushDeps, delivery: PushDeliveryRequested, logger: Logger): Promise<void> {
  const log = logger.child({ deliveryId: delivery.deliveryId, subscriptionId: delivery.subscriptionId });
  const subscription = await deps.store.get(delivery.subscriptionId);
  if (!subscription) {
    log.info("subscription removed before delivery; dropped");
    return;
  }
  const ageMs = deps.clock.now().getTime() - new Date(delivery.queuedAt).getTime();
  if (ageMs > deps.ttlSeconds * 1000) {
    log.warn({ queuedAt: delivery.queuedAt }, "push still undelivered after its TTL; dropped");
    return;
  }
  const outcome = await deps.sender.send(subscription, delivery.payload, delivery.topic);
  switch (outcome.kind) {
    case "delivered":
      log.debug("push accepted");
      return;
    case "gone":
      await deps.store.purge(subscription.id);
      log.info({ status: outcome.status }, "push service says the subscription is gone; purged");
      return;
    case "rejected":
      log.error({ status: outcome.status, reason: outcome.reason }, "push service refused the message; not retried");
      return;
    case "retry":
      throw new RetryLater(outcome.reason, outcome.delayMs);
  }
}
