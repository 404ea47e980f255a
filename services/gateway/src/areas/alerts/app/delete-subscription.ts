import { errors } from "../../../domain/errors";
import { PushSubscriptions } from "./ports";

/** Purges a subscription for the holder of its unsubscribe token. */
export async function deleteSubscription(subscriptions: PushSubscriptions, id: string, token: string | undefined, correlationId: string) {
  if (!token) throw errors.headerMissing("X-Unsubscribe-Token");
  await subscriptions.remove(id, token, correlationId);
}
