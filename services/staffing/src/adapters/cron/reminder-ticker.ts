import { schedule } from "node-cron";
import type { Logger } from "@crisis/platform";

/**
 * Runs the minute tick (shifts rolling forward, ended posts released, reminders and escalations)
 * once a minute; a tick still running makes the next one wait.
 */
export function startReminderTicker(tick: () => Promise<unknown>, logger: Logger): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const task = schedule(
    "* * * * *",
    () => {
      running = running.then(tick).catch((err: unknown) => logger.warn({ err }, "reminder tick failed; the next tick retries"));
    },
    { name: "staffing-reminders", noOverlap: true },
  );
  return {
    stop: async () => {
      await task.stop();
      await running;
    },
  };
}
