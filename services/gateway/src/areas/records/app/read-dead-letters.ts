import { DeadLetterShelf, ParkedEvent } from "./ports";

/** The console shows the newest this many; the count and the per-consumer figures cover them all. */
const shown = 100;

export interface DeadLetterReport {
  waiting: number;
  byConsumer: Record<string, number>;
  /** Newest first. */
  letters: ParkedEvent[];
}

/** What is stuck: how many events wait in the dead-letter stream, per consumer, and why (newest first). */
export async function readDeadLetters(shelf: DeadLetterShelf): Promise<DeadLetterReport> {
  const letters = await shelf.list();
  const byConsumer: Record<string, number> = {};
  for (const l of letters) byConsumer[l.durable] = (byConsumer[l.durable] ?? 0) + 1;
  return { waiting: letters.length, byConsumer, letters: letters.reverse().slice(0, shown) };
}
