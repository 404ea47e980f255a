import { addDays, japanDate } from "../../domain/counters/japan-time";
import { parseSlotId } from "../../domain/counters/slot-id";
import { CounterDeps } from "./ports";

/**
 * Deletes what the retention setting no longer allows: every booking, and every slot's list of
 * holders, whose visit day ended more than `retentionDays` ago (Japan time). Returns how many.
 */
export async function sweepBookings(deps: CounterDeps): Promise<{ bookings: number; slots: number }> {
  const lastKept = addDays(japanDate(deps.clock.now().getTime()), -deps.settings.retentionDays);
  const expired = (date: string | undefined) => date !== undefined && date < lastKept;
  let bookings = 0;
  for (const code of await deps.store.bookingCodes()) {
    const booking = await deps.store.booking(code);
    if (booking && !expired(booking.startsAt.slice(0, 10))) continue;
    await deps.store.deleteBooking(code);
    bookings++;
  }
  let slots = 0;
  for (const id of await deps.store.slotIds()) {
    if (!expired(parseSlotId(id)?.date)) continue;
    await deps.store.deleteHolders(id);
    slots++;
  }
  return { bookings, slots };
}
