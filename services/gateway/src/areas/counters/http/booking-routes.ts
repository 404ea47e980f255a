import { FastifyInstance } from "fastify";
import { z } from "zod";
import { CounterBookings } from "../app/counters";
import { noteChange } from "../../../adapters/http/audit";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";

export const slotsQuery = z.object({
  date: z.string().max(10),
  channel: z.string().max(40).optional(),
});
export const slotBody = z.object({ slotId: z.string().min(1, "must name a slot (from the day's slots)").max(200) });

export const booking = z.object({
  code: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  channel: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(["booked", "cancelled"]),
  madeAt: z.string(),
  changedAt: z.string(),
  notice: z.string().describe("what crisis mode did to the booking, in Japanese"),
  slotId: z.string(),
  crisisChange: z.enum(["", "moved", "cancelled"]),
  alternatives: z.array(z.string()).describe("channels that need no visit (online, convenience_store, phone)"),
  crisisCauseId: z.string(),
});
const slots = z.object({
  slots: z.array(
    z.object({
      id: z.string(),
      serviceId: z.string(),
      channel: z.string(),
      officeId: z.string(),
      officeName: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      places: z.number().int(),
      free: z.number().int(),
    }),
  ),
});

const bookingProblems = { 404: "BOOKING_NOT_FOUND (unknown or expired code)", 409: "BOOKING_CANCELLED" };

export const bookingApi = {
  slots: declareRoute({
    method: "GET",
    url: "/api/v1/services/:id/slots",
    summary: "The day's bookable times of a counter service at each office, with the places still free",
    query: slotsQuery,
    responses: { 200: "the slots" },
    answers: { 200: slots },
    problems: { 404: "SERVICE_NOT_FOUND", 422: "DATE_INVALID or CHANNEL_NOT_BOOKABLE" },
  }),
  book: declareRoute({
    method: "POST",
    url: "/api/v1/bookings",
    summary: "Book a place in a slot without an account: the answer's code is all the holder needs",
    body: slotBody,
    responses: { 201: "the booking with its code" },
    answers: { 201: booking },
    problems: { 404: "SLOT_NOT_FOUND", 409: "SLOT_FULL", 422: "SLOT_IN_PAST" },
  }),
  one: declareRoute({
    method: "GET",
    url: "/api/v1/bookings/:code",
    summary: "One booking by its code",
    responses: { 200: "the booking" },
    answers: { 200: booking },
    problems: bookingProblems,
  }),
  move: declareRoute({
    method: "PATCH",
    url: "/api/v1/bookings/:code",
    summary: "Move a booking to another time of the same service (the new place is taken before the old is freed)",
    body: slotBody,
    responses: { 200: "the booking at its new time" },
    answers: { 200: booking },
    problems: { ...bookingProblems, 422: "SLOT_IN_PAST or SLOT_OTHER_SERVICE" },
  }),
  cancel: declareRoute({
    method: "DELETE",
    url: "/api/v1/bookings/:code",
    summary: "Cancel a booking; a second cancel is refused and changes nothing",
    responses: { 200: "the cancelled booking" },
    answers: { 200: booking },
    problems: bookingProblems,
  }),
};

/**
 * Booking a visit time without an account: the code a booking gets is all its holder needs to read,
 * change or cancel it. The facilities service refuses what is wrong (full, past, unknown code).
 */
export function bookingRoutes(app: FastifyInstance, bookings: CounterBookings) {
  serve(app, bookingApi.slots, async ({ request, params, query }) => {
    const found = await bookings.slots({ serviceId: params.id, date: query.date, channel: query.channel ?? "" }, request.id);
    return { slots: found };
  });

  serve(app, bookingApi.book, async ({ request, reply, body }) => {
    const booking = await bookings.book(body.slotId, request.id);
    // The code is the booking's only key: the audit keeps the slot, never the code.
    noteChange(request, { kind: "booking.created", what: JSON.stringify({ slotId: booking.slotId }) });
    return reply.code(201).send(booking);
  });

  serve(app, bookingApi.one, async ({ request, params }) => bookings.get(params.code, request.id));

  serve(app, bookingApi.move, async ({ request, params, body }) => {
    const booking = await bookings.change(params.code, body.slotId, request.id);
    noteChange(request, { kind: "booking.changed", what: JSON.stringify({ slotId: booking.slotId }) });
    return booking;
  });

  serve(app, bookingApi.cancel, async ({ request, params }) => {
    const booking = await bookings.cancel(params.code, request.id);
    noteChange(request, { kind: "booking.cancelled", what: JSON.stringify({ slotId: booking.slotId }) });
    return booking;
  });
}
