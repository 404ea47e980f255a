import { CounterBooking, CounterSlot, ListSlotsRequest } from "@crisis/platform/contracts/counters";

/** Bookings at the city's counters, kept by the facilities service: the gateway only passes them on. */
export interface CounterBookings {
  slots(request: ListSlotsRequest, correlationId: string): Promise<CounterSlot[]>;
  book(slotId: string, correlationId: string): Promise<CounterBooking>;
  get(code: string, correlationId: string): Promise<CounterBooking>;
  change(code: string, slotId: string, correlationId: string): Promise<CounterBooking>;
  cancel(code: string, correlationId: string): Promise<CounterBooking>;
}
