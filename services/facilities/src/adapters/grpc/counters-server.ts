import { Logger, unaryHandler } from "@crisis/platform";
import { CountersServiceServer } from "@crisis/platform/contracts/counters_service";
import { bookSlot } from "../../app/counters/book-slot";
import { bookingOf, cancelBooking, changeBooking } from "../../app/counters/change-booking";
import { listSlots } from "../../app/counters/list-slots";
import { CounterDeps } from "../../app/counters/ports";
import { TicketDeps } from "../../app/counters/ticket-ports";
import { callNext, counterQueue, takeTicket, ticketPosition } from "../../app/counters/tickets";
import { dayBookings } from "../../app/counters/day-bookings";

export function countersServer(deps: CounterDeps, tickets: TicketDeps, logger: Logger): CountersServiceServer {
  return {
    listSlots: unaryHandler(logger, "ListSlots", async (req) => ({ slots: await listSlots(deps, req) })),
    bookSlot: unaryHandler(logger, "BookSlot", async (req, ctx) => ({ booking: await bookSlot(deps, req.slotId, ctx.correlationId) })),
    getBooking: unaryHandler(logger, "GetBooking", async (req) => ({ booking: await bookingOf(deps, req.code) })),
    changeBooking: unaryHandler(logger, "ChangeBooking", async (req, ctx) => ({
      booking: await changeBooking(deps, req.code, req.slotId, ctx.correlationId),
    })),
    cancelBooking: unaryHandler(logger, "CancelBooking", async (req, ctx) => ({
      booking: await cancelBooking(deps, req.code, ctx.correlationId),
    })),
    takeTicket: unaryHandler(logger, "TakeTicket", (req, ctx) => takeTicket(tickets, req.counterId, ctx.correlationId)),
    getTicket: unaryHandler(logger, "GetTicket", (req) => ticketPosition(tickets, req.code)),
    getCounterQueue: unaryHandler(logger, "GetCounterQueue", (req) => counterQueue(tickets, req.counterId)),
    callNext: unaryHandler(logger, "CallNext", (req, ctx) => callNext(tickets, req.counterId, ctx.correlationId)),
    listDayBookings: unaryHandler(logger, "ListDayBookings", async (req) => ({
      bookings: await dayBookings(deps, req.counterId, req.date),
    })),
  };
}
