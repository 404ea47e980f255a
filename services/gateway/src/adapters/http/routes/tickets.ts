import { FastifyInstance } from "fastify";
import { z } from "zod";
import { Clock } from "@crisis/platform";
import { CounterTickets, serviceOfCounter } from "../../../app/counters";
import { StaffOnPost } from "../../../app/ports";
import { errors } from "../../../domain/errors";
import { noteChange } from "../audit";
import { Authenticate } from "../declared-routes";
import { parseQuery } from "../schemas";

export const dayQuery = z.object({ date: z.string().max(10).optional() });

const counterIdShape = /^[A-Za-z0-9_-]{1,64}\.[A-Za-z0-9_-]{1,64}$/;

export interface DeskDeps {
  tickets: CounterTickets;
  onDuty: StaffOnPost;
  clock: Clock;
}

/** A counter's desk: a facility_admin, or staff on a post at that service's counter now. */
export const deskRoles = ["facility_admin", "staff"] as const;

/**
 * Remote tickets: anyone takes a number for today's queue at a counter and follows it by its code;
 * the desk calls the next number and reads the day's bookings.
 */
export function ticketRoutes(app: FastifyInstance, deps: DeskDeps, authenticate: Authenticate) {
  const deskOf = async (request: Parameters<Authenticate>[0], counterId: string) => {
    const who = await authenticate(request, deskRoles);
    // What names no counter is refused the same way to every desk role.
    if (!counterIdShape.test(counterId)) throw errors.counterNotFound(counterId);
    const serviceId = serviceOfCounter(counterId);
    if (!who.roles.includes("facility_admin") && !deps.onDuty.isOnCounterOf(who.subject, serviceId, deps.clock.now()))
      throw errors.notAtDesk(serviceId);
    return who;
  };

  app.post<{ Params: { counter: string } }>("/api/v1/counters/:counter/tickets", async (request, reply) => {
    const position = await deps.tickets.take(request.params.counter, request.id);
    noteChange(request, {
      kind: "ticket.issued",
      what: JSON.stringify({ counterId: request.params.counter, number: position.ticket?.number }),
    });
    return reply.code(201).send(position);
  });
  app.get<{ Params: { code: string } }>("/api/v1/tickets/:code", async (request) => deps.tickets.get(request.params.code, request.id));
  app.get<{ Params: { counter: string } }>("/api/v1/counters/:counter/queue", async (request) =>
    deps.tickets.queue(request.params.counter, request.id),
  );
  app.post<{ Params: { counter: string } }>("/api/v1/counters/:counter/calls", async (request) => {
    const who = await deskOf(request, request.params.counter);
    const answer = await deps.tickets.callNext(request.params.counter, who.subject, request.id);
    noteChange(request, {
      kind: "ticket.called",
      what: JSON.stringify({ counterId: request.params.counter, number: answer.called?.number ?? 0 }),
    });
    return answer;
  });
  app.get<{ Params: { counter: string } }>("/api/v1/counters/:counter/bookings", async (request) => {
    const query = parseQuery(dayQuery, request.query);
    await deskOf(request, request.params.counter);
    return { bookings: await deps.tickets.dayBookings(request.params.counter, query.date ?? "", request.id) };
  });
}
