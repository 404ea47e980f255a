import { eventTypes } from "@crisis/platform/contracts";
import { CounterBooking } from "@crisis/platform/contracts/counters";
import { Booking, isBookingCode, isCancelled, normalCode } from "../../domain/counters/booking";
import { errors } from "../../domain/errors";
import { atSlot, keepBooking, openSlot } from "./book-slot";
import { releasePlace, takePlace } from "./places";
import { CounterDeps } from "./ports";

/** The booking a code names (an unknown or expired code is refused the same way). */
export async function bookingOf(deps: CounterDeps, codeText: string): Promise<Booking> {
  const code = normalCode(codeText);
  const booking = isBookingCode(code) ? await deps.store.booking(code) : undefined;
  if (!booking) throw errors.bookingNotFound();
  return booking;
}

const liveBooking = async (deps: CounterDeps, code: string) => {
  const booking = await bookingOf(deps, code);
  if (isCancelled(booking)) throw errors.bookingCancelled();
  return booking;
};

/** Moves a booking to another time of the same service: the new place is taken before the old one is freed. */
export async function changeBooking(deps: CounterDeps, code: string, slotId: string, correlationId: string): Promise<CounterBooking> {
  const booking = await liveBooking(deps, code);
  const slot = openSlot(deps, slotId);
  if (slot.serviceId !== booking.serviceId) throw errors.slotOtherService();
  if (slot.id === booking.slotId) return booking;
  await takePlace(deps, slot.id, slot.places, booking.code);
  const moved: Booking = { ...booking, ...atSlot(deps, slot), changedAt: deps.clock.now().toISOString() };
  const changed = await keepBooking(deps, moved, booking.slotId);
  await deps.events.publish(eventTypes.bookingChanged, changed, { eventId: changed.eventId, correlationId });
  await releasePlace(deps, booking.slotId, booking.code);
  return moved;
}

/** Cancels a booking and frees its place; a second cancel is refused and changes nothing. */
export async function cancelBooking(deps: CounterDeps, code: string, correlationId: string, notice = ""): Promise<CounterBooking> {
  const booking = await liveBooking(deps, code);
  await releasePlace(deps, booking.slotId, booking.code);
  const cancelled: Booking = { ...booking, status: "cancelled", notice, changedAt: deps.clock.now().toISOString() };
  const recorded = await keepBooking(deps, cancelled, booking.slotId);
  await deps.events.publish(eventTypes.bookingCancelled, recorded, { eventId: recorded.eventId, correlationId });
  return cancelled;
}
