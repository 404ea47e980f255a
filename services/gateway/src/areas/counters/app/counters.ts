import {
  CallNextResponse,
  CounterBooking,
  CounterQueue,
  CounterSlot,
  ListSlotsRequest,
  TicketPosition,
} from "@crisis/platform/contracts/counters";

/** Bookings at the city's counters, kept by the facilities service: the gateway only passes them on. */
export interface CounterBookings {
  slots(request: ListSlotsRequest, correlationId: string): Promise<CounterSlot[]>;
  book(slotId: string, correlationId: string): Promise<CounterBooking>;
  get(code: string, correlationId: string): Promise<CounterBooking>;
  change(code: string, slotId: string, correlationId: string): Promise<CounterBooking>;
  cancel(code: string, correlationId: string): Promise<CounterBooking>;
}

/** Remote tickets and the desk's calls, kept by the facilities service. */
export interface CounterTickets {
  take(counterId: string, correlationId: string): Promise<TicketPosition>;
  get(code: string, correlationId: string): Promise<TicketPosition>;
  queue(counterId: string, correlationId: string): Promise<CounterQueue>;
  callNext(counterId: string, calledBy: string, correlationId: string): Promise<CallNextResponse>;
  dayBookings(counterId: string, date: string, correlationId: string): Promise<CounterBooking[]>;
}

/** A counter is a service at one office: `<service id>.<office key>` (as facilities names it). */
export const counterIdOf = (serviceId: string, officeId: string) => `${serviceId}.${officeId.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/** The service a counter id names (its first part). */
export const serviceOfCounter = (counterId: string) => counterId.split(".")[0];
