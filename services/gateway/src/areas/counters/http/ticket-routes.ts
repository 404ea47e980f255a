import { FastifyInstance } from "fastify";
import { z } from "zod";
import { Clock } from "@crisis/platform";
import { CounterTickets, serviceOfCounter } from "../app/counters";
import { StaffOnPost } from "../../../app/ports";
import { errors } from "../../../domain/errors";
import { Principal } from "../../../adapters/auth/tokens";
import { noteChange } from "../../../adapters/http/audit";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { booking } from "./booking-routes";

export const dayQuery = z.object({ date: z.string().max(10).optional() });

const counterIdShape = /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}$/;

export interface DeskDeps {
  tickets: CounterTickets;
  onDuty: StaffOnPost;
  clock: Clock;
}

/** A counter's desk: a facility_admin, or staff on a post at that service's counter now. */
export const deskRoles = ["facility_admin", "staff"] as const;

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

export const ticketApi = {
  take: declareRoute({
    method: "POST",
    url: "/api/v1/counters/:counter/tickets",
    summary: "Take the next number of today's queue at a counter (no account); a suspended counter gives none",
    responses: { 201: "the ticket with its position" },
    answers: { 201: position },
    problems: { ...ticketProblems, 409: "COUNTER_SUSPENDED (the message names what to do instead)" },
  }),
  one: declareRoute({
    method: "GET",
    url: "/api/v1/tickets/:code",
    summary: "A remote ticket with the people ahead and the expected minutes until its call",
    responses: { 200: "the ticket with its position" },
    answers: { 200: position },
    problems: { 404: "TICKET_NOT_FOUND" },
  }),
  queue: declareRoute({
    method: "GET",
    url: "/api/v1/counters/:counter/queue",
    summary: "Today's queue at a counter: the number called, people waiting, minutes per person",
    responses: { 200: "the queue" },
    answers: { 200: queue },
    problems: ticketProblems,
  }),
  call: declareRoute({
    method: "POST",
    url: "/api/v1/counters/:counter/calls",
    summary: "Call the next waiting number (a facility_admin, or staff on a post at that service's counter now)",
    roles: deskRoles,
    responses: { 200: "the ticket called (absent when nobody waits) and the queue" },
    answers: { 200: z.object({ called: ticket.optional(), queue }) },
    problems: { ...ticketProblems, 403: "NOT_ON_POST" },
  }),
  dayBookings: declareRoute({
    method: "GET",
    url: "/api/v1/counters/:counter/bookings",
    summary: "The day's bookings at a counter, with what crisis mode changed (a facility_admin or staff of the counter)",
    roles: deskRoles,
    query: dayQuery,
    responses: { 200: "the bookings by time" },
    answers: { 200: z.object({ bookings: z.array(booking) }) },
    problems: { ...ticketProblems, 403: "NOT_ON_POST" },
  }),
};

/**
 * Remote tickets: anyone takes a number for today's queue at a counter and follows it by its code;
 * the desk calls the next number and reads the day's bookings.
 */
export function ticketRoutes(app: FastifyInstance, deps: DeskDeps) {
  /** The desk role is checked by the declaration; a staff member must also be on a post at that counter now. */
  const atDesk = (who: Principal, counterId: string) => {
    // What names no counter is refused the same way to every desk role.
    if (!counterIdShape.test(counterId)) throw errors.counterNotFound(counterId);
    const serviceId = serviceOfCounter(counterId);
    if (!who.roles.includes("facility_admin") && !deps.onDuty.isOnCounterOf(who.subject, serviceId, deps.clock.now()))
      throw errors.notAtDesk(serviceId);
  };

  serve(app, ticketApi.take, async ({ request, reply, params }) => {
    const position = await deps.tickets.take(params.counter, request.id);
    noteChange(request, {
      kind: "ticket.issued",
      what: JSON.stringify({ counterId: params.counter, number: position.ticket?.number }),
    });
    return reply.code(201).send(position);
  });
  serve(app, ticketApi.one, async ({ request, params }) => deps.tickets.get(params.code, request.id));
  serve(app, ticketApi.queue, async ({ request, params }) => deps.tickets.queue(params.counter, request.id));
  serve(app, ticketApi.call, async ({ request, params, caller: who }) => {
    atDesk(who, params.counter);
    const answer = await deps.tickets.callNext(params.counter, who.subject, request.id);
    noteChange(request, {
      kind: "ticket.called",
      what: JSON.stringify({ counterId: params.counter, number: answer.called?.number ?? 0 }),
    });
    return answer;
  });
  serve(app, ticketApi.dayBookings, async ({ request, params, query, caller: who }) => {
    atDesk(who, params.counter);
    return { bookings: await deps.tickets.dayBookings(params.counter, query.date ?? "", request.id) };
  });
}
