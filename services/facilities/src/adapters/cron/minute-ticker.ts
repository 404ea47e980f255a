import { schedule } from "node-cron";
import { Logger } from "@crisis/platform";
import { FacilitiesDeps } from "../../app/ports";
import { Scheduler } from "../../app/run-schedule";

/** Drives the scheduler once a minute (and once now, for windows that opened while the service was down). */
export function startMinuteTicker(scheduler: Scheduler, deps: FacilitiesDeps, logger: Logger): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => deps.exclusive(() => scheduler.tick()))
      .then(
        (published) => published && logger.info({ published }, "schedule tick published changes"),
        (err: unknown) => logger.warn({ err }, "schedule tick failed; the next tick retries"),
      );
  };
  const task = schedule("* * * * *", tick, { name: "facilities-schedule", noOverlap: true });
  tick();
  return {
    stop: async () => {
      await task.stop();
      await running;
    },
  };
}
