import { Backbone, Logger, eventHandlerAttempts, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { CounterDeps } from "../../app/counters/ports";
import { reviewBookingsAfter } from "../../app/counters/review-bookings";
import { TicketDeps } from "../../app/counters/ticket-ports";
import { reviewTicketsAfter } from "../../app/counters/tickets";
import { isBookable } from "../../domain/counters/booking";

/**
 * Reviews the bookings of a bookable channel each time its level changes, acknowledging only once
 * every booking is kept, moved or cancelled (and every waiting ticket of a counter that stopped giving them is cancelled): a fail-over re-runs the review, which publishes nothing new.
 */
export function consumeLevelChangesForBookings(backbone: Backbone, deps: CounterDeps, logger: Logger, tickets?: TicketDeps) {
  return runEventConsumer(
    backbone,
    eventTypes.serviceLevelChanged,
    { stream: streams.service.name, durable: "facilities-booking-review", maxAttempts: eventHandlerAttempts },
    async (changed, ctx) => {
      if (!isBookable(changed.channel)) return;
      const summary = await reviewBookingsAfter(deps, changed, ctx.correlationId);
      ctx.logger.info({ serviceId: changed.serviceId, channel: changed.channel, ...summary }, "bookings reviewed after a level change");
      if (!tickets) return;
      const ticketSummary = await reviewTicketsAfter(tickets, changed, ctx.correlationId);
      ctx.logger.info(
        { serviceId: changed.serviceId, channel: changed.channel, ...ticketSummary },
        "tickets reviewed after a level change",
      );
    },
    logger,
  );
}
