import { z } from "zod";
import type { Operation } from "./route-catalogue";
import { slotBody, slotsQuery } from "./routes/bookings";
import { dayQuery, deskRoles } from "./routes/tickets";

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

const ticket = z.object({
  code: z.string(),
  counterId: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  channel: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  date: z.string(),
  number: z.number().int(),
  status: z.enum(["waiting", "called", "cancelled"]),
  issuedAt: z.string(),
  calledAt: z.string(),
  crisisChange: z.enum(["", "cancelled"]),
  notice: z.string(),
  alternatives: z.array(z.string()),
  crisisCauseId: z.string(),
});
const queue = z.object({
  counterId: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  date: z.string(),
  issued: z.number().int(),
  nowServing: z.number().int(),
  waiting: z.number().int(),
  minutesPerPerson: z.number(),
  suspended: z.boolean(),
  alternatives: z.array(z.string()),
});
const position = z.object({ ticket, queue, ahead: z.number().int(), etaMinutes: z.number().int() });
const ticketProblems = { 404: "COUNTER_NOT_FOUND" };

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
  "GET /api/v1/bookings/:code": {
    summary: "One booking by its code",
    responses: { 200: "the booking" },
    answers: { 200: booking },
    problems: bookingProblems,
  },
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
  "GET /services/:id/tickets": {
    summary: "Today's queue at each counter of a service, to take a remote ticket (HTML)",
    responses: { 200: "text/html", 404: "no counter" },
  },
  "GET /counters/:counter": {
    summary: "One counter's queue, where its poster's QR code leads (HTML)",
    responses: { 200: "text/html" },
    problems: ticketProblems,
  },
  "GET /tickets/:code": {
    summary: "One remote ticket: number, people ahead, expected time (HTML)",
    responses: { 200: "text/html", 404: "no such ticket" },
  },
  "GET /desk/:counter": {
    summary: "A counter's desk and big screen: call the next number, the day's bookings (HTML)",
    responses: { 200: "text/html" },
    problems: ticketProblems,
  },
  "POST /api/v1/counters/:counter/tickets": {
    summary: "Take the next number of today's queue at a counter (no account); a suspended counter gives none",
    responses: { 201: "the ticket with its position" },
    answers: { 201: position },
    problems: { ...ticketProblems, 409: "COUNTER_SUSPENDED (the detail names what to do instead)" },
  },
  "GET /api/v1/tickets/:code": {
    summary: "A remote ticket with the people ahead and the expected minutes until its call",
    responses: { 200: "the ticket with its position" },
    answers: { 200: position },
    problems: { 404: "TICKET_NOT_FOUND" },
  },
  "GET /api/v1/counters/:counter/queue": {
    summary: "Today's queue at a counter: the number called, people waiting, minutes per person",
    responses: { 200: "the queue" },
    answers: { 200: queue },
    problems: ticketProblems,
  },
  "POST /api/v1/counters/:counter/calls": {
    summary: "Call the next waiting number (a facility_admin, or staff on a post at that service's counter now)",
    roles: [...deskRoles],
    responses: { 200: "the ticket called (absent when nobody waits) and the queue" },
    answers: { 200: z.object({ called: ticket.optional(), queue }) },
    problems: { ...ticketProblems, 403: "NOT_ON_POST" },
  },
  "GET /api/v1/counters/:counter/bookings": {
    summary: "The day's bookings at a counter, with what crisis mode changed (a facility_admin or staff of the counter)",
    roles: [...deskRoles],
    query: dayQuery,
    responses: { 200: "the bookings by time" },
    answers: { 200: z.object({ bookings: z.array(booking) }) },
    problems: { ...ticketProblems, 403: "NOT_ON_POST" },
  },
};
