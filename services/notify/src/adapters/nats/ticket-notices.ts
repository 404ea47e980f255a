import { Backbone, Logger, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { SendTicketNoticeDeps, sendTicketNotice } from "../../app/send-ticket-notice";
import { TicketNoticeKind } from "../../domain/ticket-notice";
import { consumeEvents } from "./consumers";

/** Remote tickets whose turn is near, called, or cancelled by crisis mode, each to the devices following its code. */
export function consumeTicketNotices(backbone: Backbone, deps: SendTicketNoticeDeps, ackWaitMs: number, logger: Logger) {
  const consume = (kind: TicketNoticeKind, type: typeof eventTypes.ticketNeared) =>
    consumeEvents(
      backbone,
      type,
      { stream: streams.counter.name, durable: `notify-ticket-${kind}`, ackWaitMs },
      (event, ctx) => sendTicketNotice(deps, kind, event, ctx.correlationId, ctx.logger),
      logger,
    );
  return Promise.all([
    consume("neared", eventTypes.ticketNeared),
    consume("called", eventTypes.ticketCalled),
    consume("cancelled", eventTypes.ticketCancelled),
  ]);
}
