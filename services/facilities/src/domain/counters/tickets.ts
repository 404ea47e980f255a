import { ServiceLevel } from "@crisis/platform/contracts";
import { CounterTicket, TicketRecorded } from "@crisis/platform/contracts/counters";
import { keyPart } from "./slots";

/** A remote ticket as kept: its counter, day and number, and nothing about the person. */
export type Ticket = CounterTicket;

/** Today's queue at one counter: the last number given, the last called, and when the recent calls were. */
export interface DayQueue {
  issued: number;
  called: number;
  /** Times (ms) of the latest calls, newest last, for the service rate. */
  calls: number[];
}

export const emptyQueue = (): DayQueue => ({ issued: 0, called: 0, calls: [] });

/** Calls kept for the service rate: enough to smooth one slow case, few enough to follow the day. */
export const recentCalls = 10;

/** A counter is a service at one office: `<service id>.<office key>`. */
export const counterId = (serviceId: string, officeId: string) => `${serviceId}.${keyPart(officeId)}`;

export function parseCounterId(id: string): { serviceId: string; officeKey: string } | undefined {
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(id);
  return m ? { serviceId: m[1], officeKey: m[2] } : undefined;
}

/** Tickets are not given while the counter's channel is suspended or online only. */
export const takesTickets = (level: ServiceLevel) =>
  level !== ServiceLevel.SERVICE_LEVEL_SUSPENDED && level !== ServiceLevel.SERVICE_LEVEL_ONLINE_ONLY;

/**
 * Minutes per person from the counter's recent calls: the mean gap between them once there are
 * two, else the setting. A long pause (lunch) counts as it happened: people waiting then waited.
 */
export function minutesPerPerson(queue: DayQueue, fallbackMinutes: number): number {
  const calls = queue.calls.slice(-recentCalls);
  if (calls.length < 2) return fallbackMinutes;
  return (calls[calls.length - 1] - calls[0]) / (calls.length - 1) / 60_000;
}

/** Waiting tickets before a number (cancelled ones still count: the desk skips them as it reaches them). */
export const aheadOf = (number: number, queue: DayQueue) => Math.max(0, number - queue.called - 1);

/** The expected minutes until a number is called. */
export const etaMinutes = (number: number, queue: DayQueue, fallbackMinutes: number) =>
  Math.round((aheadOf(number, queue) + 1) * minutesPerPerson(queue, fallbackMinutes));

/** The queue after calling `number` at `at`. */
export const afterCall = (queue: DayQueue, number: number, at: number): DayQueue => ({
  issued: queue.issued,
  called: number,
  calls: [...queue.calls, at].slice(-recentCalls),
});

/** The number whose holder has exactly `aheadWhenNear` waiting before it once `called` is called (the "N ahead" push). */
export const nearNumber = (called: number, aheadWhenNear: number) => called + aheadWhenNear + 1;

/** The event of a ticket issued, called, near its turn or cancelled: the ticket, how many wait before it, and the number served. */
export const ticketRecorded = (eventId: string, ticket: Ticket, queue: DayQueue, recordedAt: string): TicketRecorded =>
  TicketRecorded.fromPartial({
    eventId,
    ticket,
    ahead: ticket.status === "waiting" ? aheadOf(ticket.number, queue) : 0,
    nowServing: queue.called,
    recordedAt,
  });
