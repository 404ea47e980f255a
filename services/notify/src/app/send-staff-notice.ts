import { Clock, Logger } from "@crisis/platform/ports";
import { StaffNotice, composeStaffNotice } from "../domain/compose-notice";
import { DeliveryQueue, DeliveryReports, SubscriptionStore } from "./ports";
import { queueAlert } from "./queue-alert";
import { composedFor } from "./issue-alert";

export interface SendStaffNoticeDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  reports: DeliveryReports;
  clock: Clock;
  staffUrl: string;
  ttlSeconds: number;
}

/**
 * A reassignment, release or reminder goes at once, and only to the subscriptions following that
 * staff member (`staff:<id>`): personal, urgent, and never coalesced with the city's news.
 */
export async function sendStaffNotice(
  deps: SendStaffNoticeDeps,
  notice: StaffNotice,
  correlationId: string,
  logger: Logger,
): Promise<void> {
  const topic = `staff:${notice.event.staffId}`;
  const recipients = await queueAlert(
    deps,
    {
      alertId: notice.event.eventId,
      urgency: "high",
      ttlSeconds: deps.ttlSeconds,
      topicScope: topic,
      recipients: composedFor(
        [...deps.store.followers(topic)].map((subscription) => ({ subscription })),
        ({ subscription }) => composeStaffNotice(notice, subscription.lang, deps.staffUrl),
      ),
    },
    correlationId,
  );
  logger.info({ alertId: notice.event.eventId, kind: notice.kind, recipients }, "staff notice queued");
}
