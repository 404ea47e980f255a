import { Logger } from "pino";

export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

/**
 * On SIGTERM or SIGINT: run the steps in order (stop taking work, finish in-flight work,
 * drain NATS), then exit. A second signal exits at once.
 */
export function onShutdown(logger: Logger, steps: ShutdownStep[], timeoutMs = 20_000): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, "second signal; exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, "shutdown took too long; exiting");
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    for (const step of steps) {
      try {
        await step.run();
        logger.info({ step: step.name }, "shutdown step done");
      } catch (err) {
        logger.error({ err, step: step.name }, "shutdown step failed");
      }
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
