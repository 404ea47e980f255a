import type { Logger } from "@crisis/platform/ports";
import { TicketRecorded } from "@crisis/platform/contracts/counters";
import { TicketNoticeKind, composeTicketNotice } from "../domain/ticket-notice";
import { composedFor } from "./issue-alert";
import { queueAlert } from "./queue-alert";
import { SendStaffNoticeDeps } from "./send-staff-notice";

export type SendTicketNoticeDeps = Omit<SendStaffNoticeDeps, "staffUrl"> & { ticketUrl: string };

/**
 * A remote ticket's holder is told on the devices following its code (`ticket:<code>`) when their
 * turn is near, when they are called, and when crisis mode cancelled the ticket; nothing else.
 */
export async function sendTicketNotice(
  deps: SendTicketNoticeDeps,
  kind: TicketNoticeKind,
  recorded: TicketRecorded,
  correlationId: string,
  logger: Logger,
): Promise<void> {
  const ticket = recorded.ticket;
  if (!ticket || (kind === "cancelled" && !ticket.crisisChange)) return;
  const topic = `ticket:${ticket.code}`;
  const recipients = await queueAlert(
    deps,
    {
      alertId: recorded.eventId,
      urgency: "high",
      ttlSeconds: deps.ttlSeconds,
      topicScope: topic,
      recipients: composedFor(
        [...deps.store.followers(topic)].map((subscription) => ({ subscription })),
        ({ subscription }) => composeTicketNotice(kind, recorded, subscription.lang, deps.ticketUrl),
      ),
    },
    correlationId,
  );
  logger.info({ alertId: recorded.eventId, kind, number: ticket.number, recipients }, "ticket notice queued");
}
