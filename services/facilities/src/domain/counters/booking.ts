import { Category } from "@crisis/platform/contracts";
import { BookingRecorded, CounterBooking } from "@crisis/platform/contracts/counters";

/** The channels a visit time can be booked on, and the offices that hold them. */
export const bookableChannels: Record<string, Category> = { counter: "ward_office", branch_office: "branch_office" };

export const isBookable = (channel: string) => Object.hasOwn(bookableChannels, channel);

/** Codes people read out and type: no 0/O, 1/I/L. 8 characters of 31 (about 39 bits) are too many to guess. */
export const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const codeLength = 8;

export const codeFromBytes = (bytes: Uint8Array) =>
  [...bytes.slice(0, codeLength)].map((b) => codeAlphabet[b % codeAlphabet.length]).join("");

/** A typed code as stored: upper case, spaces and dashes dropped. */
export const normalCode = (text: string) => text.toUpperCase().replace(/[\s-]/g, "");

export const isBookingCode = (code: string) => code.length === codeLength && [...code].every((c) => codeAlphabet.includes(c));

export type BookingStatus = "booked" | "cancelled";

/** A booking as kept: the slot it holds and nothing about the person. */
export type Booking = CounterBooking;

export const isCancelled = (b: Booking) => b.status === "cancelled";

/** The event of a booking made, moved or cancelled: the booking as now kept and the slot it left (none: ""). */
export const bookingRecorded = (eventId: string, booking: Booking, previousSlotId: string, recordedAt: string): BookingRecorded =>
  BookingRecorded.fromPartial({ eventId, booking, previousSlotId, recordedAt });
