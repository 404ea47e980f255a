import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";

/**
 * Keeps every core busy with worker threads that spin, so a fail-over test runs on a machine as
 * loaded as a shared CI runner: timings that only hold on a quiet machine fail here too.
 */
export function loadEveryCore(): { stop: () => Promise<void> } {
  const workers = Array.from({ length: availableParallelism() }, () => new Worker("for (;;) {}", { eval: true }));
  return { stop: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}
