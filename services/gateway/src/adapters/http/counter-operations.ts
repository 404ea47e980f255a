import { z } from "zod";
import type { Operation } from "./openapi";
import { slotBody, slotsQuery } from "./routes/bookings";

const booking = z.object({
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

/** The counters' routes (bookings, tickets, the desk): anyone may book, staff of a counter call its numbers. */
export const counterOperations: Record<string, Operation> = {
  "GET /services/:id/book": { summary: "Book a visit time at a counter service (HTML)", responses: { 200: "text/html" } },
  "GET /bookings": { summary: "Open a booking by its code (HTML; ?code=)", responses: { 200: "text/html", 404: "no such booking" } },
  "GET /bookings/:code": { summary: "One booking, as its holder sees it (HTML)", responses: { 200: "text/html", 404: "no such booking" } },
  "GET /api/v1/services/:id/slots": {
    summary: "The day's bookable times of a counter service at each office, with the places still free",
    query: slotsQuery,
    responses: { 200: "the slots" },
    answers: { 200: slots },
    problems: { 404: "SERVICE_NOT_FOUND", 422: "DATE_INVALID or CHANNEL_NOT_BOOKABLE" },
  },
  "POST /api/v1/bookings": {
    summary: "Book a place in a slot without an account: the answer's code is all the holder needs",
    body: slotBody,
    responses: { 201: "the booking with its code" },
    answers: { 201: booking },
    problems: { 404: "SLOT_NOT_FOUND", 409: "SLOT_FULL", 422: "SLOT_IN_PAST" },
  },
  "GET /api/v1/bookings/:code": { summary: "One booking by its code", responses: { 200: "the booking" }, answers: { 200: booking }, problems: bookingProblems },
  "PATCH /api/v1/bookings/:code": {
    summary: "Move a booking to another time of the same service (the new place is taken before the old is freed)",
    body: slotBody,
    responses: { 200: "the booking at its new time" },
    answers: { 200: booking },
    problems: { ...bookingProblems, 422: "SLOT_IN_PAST or SLOT_OTHER_SERVICE" },
  },
  "DELETE /api/v1/bookings/:code": {
    summary: "Cancel a booking; a second cancel is refused and changes nothing",
    responses: { 200: "the cancelled booking" },
    answers: { 200: booking },
    problems: bookingProblems,
  },
};
