import { PushSubscriptions } from "./ports";

/** The VAPID public key pushes are signed with, for a page subscribing a browser. */
export async function readPushPublicKey(subscriptions: PushSubscriptions, correlationId: string) {
  return { publicKey: await subscriptions.publicKey(correlationId) };
}
