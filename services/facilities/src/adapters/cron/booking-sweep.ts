import { schedule } from "node-cron";
import { Logger } from "@crisis/platform";
import { cityTimeZone } from "@crisis/platform/contracts";
import { CounterDeps } from "../../app/counters/ports";
import { sweepBookings } from "../../app/counters/sweep-bookings";

/** Deletes expired bookings every night at 03:00 in the city's time (and once now, after a stop). */
export function startBookingSweep(deps: CounterDeps, logger: Logger): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = running
      .then(() => sweepBookings(deps))
      .then(
        (deleted) => (deleted.bookings || deleted.slots) && logger.info(deleted, "expired bookings deleted"),
        (err: unknown) => logger.warn({ err }, "booking sweep failed; the next night retries"),
      );
  };
  const task = schedule("0 3 * * *", sweep, { name: "booking-sweep", timezone: cityTimeZone(), noOverlap: true });
  sweep();
  return {
    stop: async () => {
      await task.stop();
      await running;
    },
  };
}
