import { eventTypes } from "@crisis/platform/contracts";
import { CounterBooking } from "@crisis/platform/contracts/counters";
import { Booking, bookingRecorded } from "../../domain/counters/booking";
import { SlotPlan } from "../../domain/counters/slots";
import { errors } from "../../domain/errors";
import { findSlot } from "./find-slots";
import { takePlace } from "./places";
import { CounterDeps } from "./ports";

/** A booking's fields that come from its slot. */
export const atSlot = (deps: Pick<CounterDeps, "board">, slot: SlotPlan) => ({
  slotId: slot.id,
  serviceId: slot.serviceId,
  serviceName: deps.board.serviceDefs.get(slot.serviceId)?.name ?? "",
  channel: slot.channel,
  officeId: slot.officeId,
  officeName: deps.board.record(slot.officeId)?.facility.name ?? "",
  startsAt: slot.startsAt,
  endsAt: slot.endsAt,
});

/** A slot that can still be booked: it exists today as the level and hours give it, and has not begun. */
export function openSlot(deps: CounterDeps, slotId: string): SlotPlan {
  const slot = findSlot(deps, slotId);
  if (slot.startMs <= deps.clock.now().getTime()) throw errors.slotInPast();
  return slot;
}

/** Keeps a booking made, moved or cancelled, and returns the event that says so (under a new id) for the use case to publish. */
export async function keepBooking(deps: CounterDeps, booking: Booking, previousSlotId: string) {
  await deps.store.putBooking(booking);
  return bookingRecorded(deps.newId(), booking, previousSlotId, deps.clock.now().toISOString());
}

/** Books a place in a slot without an account: the code returned is all the holder needs. */
export async function bookSlot(deps: CounterDeps, slotId: string, correlationId: string): Promise<CounterBooking> {
  const slot = openSlot(deps, slotId);
  const code = deps.newCode();
  await takePlace(deps, slot.id, slot.places, code);
  const now = deps.clock.now().toISOString();
  const booking: Booking = {
    code,
    ...atSlot(deps, slot),
    status: "booked",
    madeAt: now,
    changedAt: now,
    notice: "",
    crisisChange: "",
    alternatives: [],
    crisisCauseId: "",
  };
  const created = await keepBooking(deps, booking, "");
  await deps.events.publish(eventTypes.bookingCreated, created, { eventId: created.eventId, correlationId });
  return booking;
}
