import pino, { Logger } from "pino";

export type { Logger } from "pino";

/** One structured logger per process; every line names the service. */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}

/** A child logger whose lines carry the correlation id that started at the HTTP request. */
export function withCorrelation(logger: Logger, correlationId: string): Logger {
  return logger.child({ correlationId });
}
