import { Clock } from "@crisis/platform/ports";
import { ResidentLang } from "@crisis/platform/contracts";
import { DeliveryQueue, DeliveryReports, SubscriptionStore } from "./ports";
import { composedFor } from "./issue-alert";
import { queueAlert } from "./queue-alert";

/** What a personal notice is sent with: the subscriptions following its topic, and the push queue. */
export interface SendNoticeDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  reports: DeliveryReports;
  clock: Clock;
  ttlSeconds: number;
}

/**
 * A personal notice (a staff member's, a booking's, a ticket's) goes at once, urgent, and only to the
 * subscriptions following its topic, composed once per language: never coalesced with the city's news.
 * Returns the number of recipients.
 */
export function sendNotice(
  deps: SendNoticeDeps,
  notice: { alertId: string; topic: string; compose: (lang: ResidentLang) => object | null },
  correlationId: string,
): Promise<number> {
  return queueAlert(
    deps,
    {
      alertId: notice.alertId,
      urgency: "high",
      ttlSeconds: deps.ttlSeconds,
      topicScope: notice.topic,
      recipients: composedFor(
        [...deps.store.followers(notice.topic)].map((subscription) => ({ subscription })),
        ({ subscription }) => notice.compose(subscription.lang),
      ),
    },
    correlationId,
  );
}
