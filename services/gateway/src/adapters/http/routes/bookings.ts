import { FastifyInstance } from "fastify";
import { z } from "zod";
import { CounterBookings } from "../../../app/counters";
import { noteChange } from "../audit";
import { parseBody, parseQuery } from "../schemas";

export const slotsQuery = z.object({
  date: z.string().max(10),
  channel: z.string().max(40).optional(),
});
export const slotBody = z.object({ slotId: z.string().min(1, "must name a slot (from the day's slots)").max(200) });

/**
 * Booking a visit time without an account: the code a booking gets is all its holder needs to read,
 * change or cancel it. The facilities service refuses what is wrong (full, past, unknown code).
 */
export function bookingRoutes(app: FastifyInstance, bookings: CounterBookings) {
  app.get<{ Params: { id: string } }>("/api/v1/services/:id/slots", async (request) => {
    const query = parseQuery(slotsQuery, request.query);
    const slots = await bookings.slots({ serviceId: request.params.id, date: query.date, channel: query.channel ?? "" }, request.id);
    return { slots };
  });

  app.post("/api/v1/bookings", async (request, reply) => {
    const body = parseBody(slotBody, request.body);
    const booking = await bookings.book(body.slotId, request.id);
    // The code is the booking's only key: the audit keeps the slot, never the code.
    noteChange(request, { kind: "booking.created", what: JSON.stringify({ slotId: booking.slotId }) });
    return reply.code(201).send(booking);
  });

  app.get<{ Params: { code: string } }>("/api/v1/bookings/:code", async (request) => bookings.get(request.params.code, request.id));

  app.patch<{ Params: { code: string } }>("/api/v1/bookings/:code", async (request) => {
    const body = parseBody(slotBody, request.body);
    const booking = await bookings.change(request.params.code, body.slotId, request.id);
    noteChange(request, { kind: "booking.changed", what: JSON.stringify({ slotId: booking.slotId }) });
    return booking;
  });

  app.delete<{ Params: { code: string } }>("/api/v1/bookings/:code", async (request) => {
    const booking = await bookings.cancel(request.params.code, request.id);
    noteChange(request, { kind: "booking.cancelled", what: JSON.stringify({ slotId: booking.slotId }) });
    return booking;
  });
}
