import { timingSafeEqual } from "node:crypto";
import { errors } from "../domain/errors";
import { hashToken } from "../domain/subscription";
import { SubscriptionStore } from "./ports";

/** Removes a subscription for good (purged, not just marked) when the caller holds its token. */
export async function deleteSubscription(store: SubscriptionStore, id: string, token: string): Promise<void> {
  const subscription = await store.get(id);
  if (!subscription) throw errors.subscriptionNotFound(id);
  const given = Buffer.from(hashToken(token));
  const stored = Buffer.from(subscription.tokenHash);
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) throw errors.unsubscribeTokenInvalid();
  await store.purge(id);
}
