import type { Logger } from "@crisis/platform/ports";
import { TicketRecorded } from "@crisis/platform/contracts/counters";
import { TicketNoticeKind, composeTicketNotice } from "../domain/ticket-notice";
import { SendNoticeDeps, sendNotice } from "./send-notice";

export type SendTicketNoticeDeps = SendNoticeDeps & { ticketUrl: string };

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
  const recipients = await sendNotice(
    deps,
    {
      alertId: recorded.eventId,
      topic: `ticket:${ticket.code}`,
      compose: (lang) => composeTicketNotice(kind, recorded, lang, deps.ticketUrl),
    },
    correlationId,
  );
  logger.info({ alertId: recorded.eventId, kind, number: ticket.number, recipients }, "ticket notice queued");
}
