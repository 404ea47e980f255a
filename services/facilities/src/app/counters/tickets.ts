import { CounterQueue, TicketPosition } from "@crisis/platform/contracts/counters";
import { eventTypes, say } from "@crisis/platform/contracts";
import { FacilityRecord } from "../../domain/condition";
import { bookableChannels, isBookingCode, normalCode } from "../../domain/counters/booking";
import { insteadIn, openAlternatives } from "../../domain/counters/crisis-review";
import { japanDate } from "../../domain/counters/japan-time";
import { keyPart } from "../../domain/counters/slots";
import {
  DayQueue,
  Ticket,
  afterCall,
  aheadOf,
  counterId as counterIdOf,
  emptyQueue,
  etaMinutes,
  minutesPerPerson,
  nearNumber,
  parseCounterId,
  takesTickets,
  ticketRecorded,
} from "../../domain/counters/tickets";
import { errors } from "../../domain/errors";
import { TicketDeps } from "./ticket-ports";

/** Compare-and-set rounds before a busy queue is refused (only writers in other processes can make one lose). */
const attempts = 20;

export interface Counter {
  id: string;
  serviceId: string;
  serviceName: string;
  channel: string;
  office: FacilityRecord;
}

/** The counter an id names: a service offered at the channel of that office's kind (ward office, branch office). */
export function counterOf(deps: Pick<TicketDeps, "board">, id: string): Counter {
  const ref = parseCounterId(id);
  const def = ref && deps.board.serviceDefs.get(ref.serviceId);
  const office = ref && [...deps.board.records.values()].find((r) => keyPart(r.facility.id) === ref.officeKey);
  const channel = office && def?.channels.find((c) => bookableChannels[c] === office.facility.category);
  if (!def || !office || !channel) throw errors.counterNotFound(id);
  return { id: counterIdOf(def.id, office.facility.id), serviceId: def.id, serviceName: def.name, channel, office };
}

const levels = (deps: Pick<TicketDeps, "board">, counter: Counter, now: number) =>
  deps.board.serviceDefs
    .get(counter.serviceId)!
    .channels.map((channel) => ({ channel, level: deps.board.levelAt(counter.serviceId, channel, now).level }));

const isOpen = (deps: Pick<TicketDeps, "board">, counter: Counter, now: number) =>
  takesTickets(deps.board.levelAt(counter.serviceId, counter.channel, now).level);

export function queueView(deps: TicketDeps, counter: Counter, date: string, queue: DayQueue): CounterQueue {
  const now = deps.clock.now().getTime();
  const open = isOpen(deps, counter, now);
  return {
    counterId: counter.id,
    serviceId: counter.serviceId,
    serviceName: counter.serviceName,
    officeId: counter.office.facility.id,
    officeName: counter.office.facility.name,
    date,
    issued: queue.issued,
    nowServing: queue.called,
    waiting: Math.max(0, queue.issued - queue.called),
    minutesPerPerson: minutesPerPerson(queue, deps.ticketSettings.minutesPerPerson),
    suspended: !open,
    alternatives: open ? [] : openAlternatives(levels(deps, counter, now)),
  };
}

const positionOf = (deps: TicketDeps, counter: Counter, ticket: Ticket, queue: DayQueue): TicketPosition => ({
  ticket,
  queue: queueView(deps, counter, ticket.date, queue),
  ahead: ticket.status === "waiting" ? aheadOf(ticket.number, queue) : 0,
  etaMinutes: ticket.status === "waiting" ? etaMinutes(ticket.number, queue, deps.ticketSettings.minutesPerPerson) : 0,
});

/** Writes a counter's day queue by compare-and-set, one writer at a time in this process. */
function changeQueue<T>(
  deps: TicketDeps,
  counterId: string,
  date: string,
  change: (queue: DayQueue) => Promise<{ queue: DayQueue; result: T } | { result: T; queue?: undefined }>,
): Promise<T> {
  return deps.perSlot(`queue.${counterId}.${date}`, async () => {
    for (let i = 0; i < attempts; i++) {
      const read = await deps.tickets.queue(counterId, date);
      const next = await change(read.queue);
      if (!next.queue) return next.result;
      if (await deps.tickets.writeQueue(counterId, date, next.queue, read.revision)) return next.result;
    }
    throw errors.queueBusy();
  });
}

/** Takes the next number of today's queue at a counter; a suspended counter gives none. */
export async function takeTicket(deps: TicketDeps, id: string, correlationId: string): Promise<TicketPosition> {
  const counter = counterOf(deps, id);
  const now = deps.clock.now();
  if (!isOpen(deps, counter, now.getTime())) {
    throw errors.counterSuspended(insteadIn("en", openAlternatives(levels(deps, counter, now.getTime()))));
  }
  const date = japanDate(now.getTime());
  const number = await changeQueue(deps, counter.id, date, async (queue) => ({
    queue: { ...queue, issued: queue.issued + 1 },
    result: queue.issued + 1,
  }));
  const ticket: Ticket = {
    code: deps.newCode(),
    counterId: counter.id,
    serviceId: counter.serviceId,
    serviceName: counter.serviceName,
    channel: counter.channel,
    officeId: counter.office.facility.id,
    officeName: counter.office.facility.name,
    date,
    number,
    status: "waiting",
    issuedAt: now.toISOString(),
    calledAt: "",
    crisisChange: "",
    notice: "",
    alternatives: [],
    crisisCauseId: "",
  };
  await deps.tickets.putTicket(ticket);
  await deps.tickets.putNumber(counter.id, date, number, ticket.code);
  const { queue } = await deps.tickets.queue(counter.id, date);
  const issued = ticketRecorded(deps.newId(), ticket, queue, now.toISOString());
  await deps.events.publish(eventTypes.ticketIssued, issued, { eventId: issued.eventId, correlationId });
  return positionOf(deps, counter, ticket, queue);
}

export async function ticketOf(deps: TicketDeps, codeText: string): Promise<Ticket> {
  const code = normalCode(codeText);
  const ticket = isBookingCode(code) ? await deps.tickets.ticket(code) : undefined;
  if (!ticket) throw errors.ticketNotFound();
  return ticket;
}

export async function ticketPosition(deps: TicketDeps, code: string): Promise<TicketPosition> {
  const ticket = await ticketOf(deps, code);
  const counter = counterOf(deps, ticket.counterId);
  const { queue } = await deps.tickets.queue(counter.id, ticket.date);
  return positionOf(deps, counter, ticket, queue);
}

export async function counterQueue(deps: TicketDeps, id: string): Promise<CounterQueue> {
  const counter = counterOf(deps, id);
  const date = japanDate(deps.clock.now().getTime());
  const { queue } = await deps.tickets.queue(counter.id, date);
  return queueView(deps, counter, date, queue);
}

/**
 * Calls the next waiting number (cancelled ones are passed over). Its holder is told, and so is
 * every holder who now has `aheadWhenNear` or fewer before them for the first time: when numbers
 * are passed over, more than one may cross at once, and none is told late.
 */
export async function callNext(deps: TicketDeps, id: string, correlationId: string) {
  const counter = counterOf(deps, id);
  const now = deps.clock.now();
  const date = japanDate(now.getTime());
  const step = await changeQueue(deps, counter.id, date, async (queue) => {
    let number = queue.called;
    let ticket: Ticket | undefined;
    while (number < queue.issued && !ticket) {
      number++;
      const code = await deps.tickets.codeOf(counter.id, date, number);
      const found = code ? await deps.tickets.ticket(code) : undefined;
      if (found && found.status === "waiting") ticket = found;
    }
    if (number === queue.called) return { result: { before: queue, after: queue, ticket: undefined } };
    const after = afterCall(queue, number, now.getTime());
    return { queue: after, result: { before: queue, after, ticket } };
  });
  const { before, after } = step;
  let called: Ticket | undefined;
  if (step.ticket) {
    called = { ...step.ticket, status: "called", calledAt: now.toISOString() };
    await deps.tickets.putTicket(called);
    const recorded = ticketRecorded(`${counter.id}.${date}.${called.number}.called`, called, after, now.toISOString());
    await deps.events.publish(eventTypes.ticketCalled, recorded, { eventId: recorded.eventId, correlationId });
  }
  const n = deps.ticketSettings.aheadWhenNear;
  const last = Math.min(after.issued, nearNumber(after.called, n));
  for (let number = Math.max(nearNumber(before.called, n) + 1, after.called + 1); number <= last; number++) {
    const code = await deps.tickets.codeOf(counter.id, date, number);
    const ticket = code ? await deps.tickets.ticket(code) : undefined;
    if (ticket?.status !== "waiting") continue;
    const neared = ticketRecorded(`${counter.id}.${date}.${number}.neared`, ticket, after, now.toISOString());
    await deps.events.publish(eventTypes.ticketNeared, neared, { eventId: neared.eventId, correlationId });
  }
  return { called, queue: queueView(deps, counter, date, after) };
}

/**
 * After a service channel's level changed: when it no longer gives tickets, every waiting ticket of
 * today at its counters is cancelled, naming the channels still open, with one event each.
 */
export async function reviewTicketsAfter(
  deps: TicketDeps,
  cause: { eventId: string; serviceId: string; channel: string },
  correlationId: string,
): Promise<{ cancelled: number }> {
  const now = deps.clock.now().getTime();
  const def = deps.board.serviceDefs.get(cause.serviceId);
  if (!def || takesTickets(deps.board.levelAt(cause.serviceId, cause.channel, now).level)) return { cancelled: 0 };
  const today = japanDate(now);
  const alternatives = openAlternatives(
    def.channels.map((channel) => ({ channel, level: deps.board.levelAt(def.id, channel, now).level })),
  );
  const instead = insteadIn("ja", alternatives);
  let cancelled = 0;
  for (const code of await deps.tickets.ticketCodes()) {
    const ticket = await deps.tickets.ticket(code);
    if (!ticket || ticket.serviceId !== cause.serviceId || ticket.channel !== cause.channel || ticket.date !== today) continue;
    const cutShort = ticket.status === "cancelled" && ticket.crisisCauseId === cause.eventId;
    if (!cutShort && ticket.status !== "waiting") continue;
    let next = ticket;
    if (!cutShort) {
      const notice = say("ja", "ticketCancelled", { service: ticket.serviceName, number: ticket.number, instead }).trimEnd();
      next = { ...ticket, status: "cancelled", crisisChange: "cancelled", notice, alternatives, crisisCauseId: cause.eventId };
      await deps.tickets.putTicket(next);
      cancelled++;
    }
    // A run cut short publishes again under the same id, which JetStream drops as a duplicate.
    const recorded = ticketRecorded(`${cause.eventId}.ticket.${code}`, next, emptyQueue(), deps.clock.now().toISOString());
    await deps.events.publish(eventTypes.ticketCancelled, recorded, { eventId: recorded.eventId, correlationId });
  }
  return { cancelled };
}
