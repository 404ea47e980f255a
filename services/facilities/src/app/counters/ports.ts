import { Clock, EventPublisher } from "@crisis/platform/ports";
import { CityBoard } from "../../domain/city-board";
import { Booking } from "../../domain/counters/booking";
import { SlotSettings } from "../../domain/counters/slots";

/** The codes holding places of one slot, and the revision they were read at (0: never written). */
export interface SlotHolders {
  codes: string[];
  revision: number;
}

/**
 * Where bookings are kept (a JetStream KV bucket). A slot's holders are written only over the
 * revision they were read at: two writers of one slot cannot both win, so no place is given twice.
 */
export interface BookingStore {
  holders(slotId: string): Promise<SlotHolders>;
  /** False when someone wrote the slot since `revision`. */
  writeHolders(slotId: string, codes: string[], revision: number): Promise<boolean>;
  booking(code: string): Promise<Booking | undefined>;
  putBooking(booking: Booking): Promise<void>;
  /** Forgets a booking and, when it is the last of its slot, nothing else. */
  deleteBooking(code: string): Promise<void>;
  deleteHolders(slotId: string): Promise<void>;
  bookingCodes(): Promise<string[]>;
  slotIds(): Promise<string[]>;
}

export interface CounterSettings extends SlotSettings {
  /** Days after its visit day that a booking (and its slot's holders) are kept. */
  retentionDays: number;
  /** Days before or after its time that crisis mode may move a booking to. */
  moveDays: number;
}

/** What the booking use cases work with. */
export interface CounterDeps {
  board: CityBoard;
  store: BookingStore;
  /** Where the booking and ticket events go (JetStream in production and in tests). */
  events: EventPublisher;
  clock: Clock;
  newId: () => string;
  newCode: () => string;
  settings: CounterSettings;
  /** Writes to one slot run one at a time in this process, so that its CAS rarely loses to itself. */
  perSlot: <T>(slotId: string, work: () => Promise<T>) => Promise<T>;
}
