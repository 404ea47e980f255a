import type { DeadLetter } from "@crisis/platform/ports";

/** The records area's ports; main.ts fills them in. */

/** One event a consumer gave up on, as the console shows it: the platform's dead letter without its payload. */
export type ParkedEvent = Pick<
  DeadLetter,
  "seq" | "durable" | "subject" | "stream" | "sequence" | "reason" | "attempts" | "correlationId"
> & {
  parkedAt: string;
};

/** The dead-letter stream: events consumers gave up on, waiting for a fix and a re-drive. */
export interface DeadLetterShelf {
  count(): Promise<number>;
  /** Every parked event, oldest first. */
  list(): Promise<ParkedEvent[]>;
}
