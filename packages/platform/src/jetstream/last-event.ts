import { JetStreamManager } from "nats";
import { EventType } from "../contracts/subjects";
import { isNotFound } from "./streams";

export interface LastEvent<T> {
  event?: T;
  /** Stream sequence of that event; 0 when the subject holds none. */
  seq: number;
}

/** The newest event on a subject, read straight from the stream (a direct get, no consumer). */
export async function readLastEvent<T>(jsm: JetStreamManager, stream: string, type: EventType<T>): Promise<LastEvent<T>> {
  try {
    const stored = await jsm.streams.getMessage(stream, { last_by_subj: type.subject });
    return { event: type.codec.decode(stored.data), seq: stored.seq };
  } catch (err) {
    if (isNotFound(err)) return { seq: 0 };
    throw err;
  }
}
