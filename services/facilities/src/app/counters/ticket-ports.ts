import { DayQueue, Ticket } from "../../domain/counters/tickets";
import { CounterDeps } from "./ports";

/**
 * Where remote tickets are kept (a JetStream KV bucket). A counter's day queue is written only over
 * the revision it was read at, so two takers never get one number and two desks never call one twice.
 */
export interface TicketStore {
  queue(counterId: string, date: string): Promise<{ queue: DayQueue; revision: number }>;
  /** False when someone wrote the queue since `revision`. */
  writeQueue(counterId: string, date: string, queue: DayQueue, revision: number): Promise<boolean>;
  ticket(code: string): Promise<Ticket | undefined>;
  putTicket(ticket: Ticket): Promise<void>;
  /** The code holding a number of the day (undefined while its ticket is still being written). */
  codeOf(counterId: string, date: string, number: number): Promise<string | undefined>;
  putNumber(counterId: string, date: string, number: number, code: string): Promise<void>;
  ticketCodes(): Promise<string[]>;
}

export interface TicketSettings {
  /** The holder is pushed when this many wait before them (the "N ahead" push). */
  aheadWhenNear: number;
  /** Minutes per person until the counter has made two calls today. */
  minutesPerPerson: number;
}

/** What the ticket use cases work with: the city's board and clock of the bookings, and their own store. */
export interface TicketDeps extends Pick<CounterDeps, "board" | "clock" | "newId" | "newCode" | "perSlot" | "events"> {
  tickets: TicketStore;
  ticketSettings: TicketSettings;
}
