import { JetStreamManager } from "nats";
import { Logger } from "pino";
import { missingState } from "./check";
import { StateEntry } from "./register";

export interface StateWatch {
  /** True while every watched stream and bucket was there at the last look. */
  present(): boolean;
  stop(): void;
}

/**
 * Looks now and then whether the streams and buckets a service keeps its state in are still on the
 * server (a stream deleted by hand, a promoted site that did not carry one): the service is not
 * ready without them, and the log names what is missing.
 */
export async function watchState(jsm: JetStreamManager, entries: StateEntry[], logger: Logger, everyMs = 30_000): Promise<StateWatch> {
  let present = true;
  const look = async () => {
    const missing = await missingState(jsm, entries);
    if (missing.length > 0 && present) logger.error({ missing }, "durable state missing on the server: not ready");
    present = missing.length === 0;
  };
  await look();
  const timer = setInterval(() => {
    look().catch((err: unknown) => logger.warn({ err }, "could not look at the durable state"));
  }, everyMs);
  timer.unref();
  return { present: () => present, stop: () => clearInterval(timer) };
}
