import { ResidentLang } from "@crisis/platform/contracts";
import { PushSubscriptions } from "./ports";

export interface NewSubscription {
  /** What the browser's PushSubscription.toJSON() gives. */
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  topics: string[];
  lang: ResidentLang;
}

/** Subscribes a browser to alerts on its topics; notify checks the endpoint, keys and topics. */
export async function createSubscription(subscriptions: PushSubscriptions, body: NewSubscription, correlationId: string) {
  const created = await subscriptions.create(
    {
      subscription: { endpoint: body.subscription.endpoint, p256dh: body.subscription.keys.p256dh, auth: body.subscription.keys.auth },
      topics: body.topics,
      lang: body.lang,
    },
    correlationId,
  );
  return { id: created.id, unsubscribeToken: created.unsubscribeToken };
}
