import { CounterBooking } from "@crisis/platform/contracts/counters";
import { Booking } from "../../domain/counters/booking";
import { isDate, japanDate } from "../../domain/counters/japan-time";
import { errors } from "../../domain/errors";
import { CounterDeps } from "./ports";
import { counterOf } from "./tickets";

/** The day's bookings at one counter by time, cancelled ones too: staff see what crisis mode changed. */
export async function dayBookings(deps: CounterDeps, counterId: string, date: string): Promise<CounterBooking[]> {
  const counter = counterOf(deps, counterId);
  const day = date || japanDate(deps.clock.now().getTime());
  if (!isDate(day)) throw errors.dateInvalid();
  const all = await Promise.all((await deps.store.bookingCodes()).map((c) => deps.store.booking(c)));
  return all
    .filter(
      // Cancelled ones stay at their office: staff see who will not come, and who was moved here.
      (b): b is Booking =>
        b !== undefined &&
        b.serviceId === counter.serviceId &&
        b.officeId === counter.office.facility.id &&
        b.startsAt.slice(0, 10) === day,
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.code.localeCompare(b.code));
}
