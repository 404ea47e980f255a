import { Position, StatusEvent, StatusStream } from "../domain/status-view";

/** The status area's ports; main.ts fills them in. */

/** One message of the streams the status follows; `event` is unset for subjects the status ignores. */
export interface StreamedEvent {
  stream: StatusStream;
  seq: number;
  /** When JetStream stored it (RFC 3339, UTC). */
  at: string;
  event?: StatusEvent;
}

export interface Following {
  /** Resolves once everything stored when following began has been handed over. */
  caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/** The event streams behind the live status (mode, facilities, services). */
export interface StatusEvents {
  /** Hands over every message after `from`, in order per stream, then keeps following. */
  follow(from: Position, onEvent: (e: StreamedEvent) => void): Promise<Following>;
  /** Reads what was stored after `after`, up to and including `until`, one stream after another. */
  replay(after: Position, until: Position): AsyncIterable<StreamedEvent>;
}
