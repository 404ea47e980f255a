import { timingSafeEqual } from "node:crypto";
import { errors } from "../domain/errors";
import { hashToken, isSubscriptionId } from "../domain/subscription";
import { SubscriptionStore } from "./ports";

/** Removes a subscription for good (purged, not just marked) when the caller holds its token. */
export async function deleteSubscription(store: SubscriptionStore, id: string, token: string): Promise<void> {
  // An id that is no valid key cannot name a subscription (and the KV store would refuse it as a failure).
  if (!isSubscriptionId(id)) throw errors.subscriptionNotFound(id);
  const subscription = await store.get(id);
  if (!subscription) throw errors.subscriptionNotFound(id);
  const given = Buffer.from(hashToken(token));
  const stored = Buffer.from(subscription.tokenHash);
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) throw errors.unsubscribeTokenInvalid();
  await store.purge(id);
}
