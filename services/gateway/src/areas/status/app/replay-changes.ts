import { Change, Position, StatusStream, positionId } from "../domain/status-view";
import { LiveStatus } from "./follow-status";
import { StatusEvents } from "./ports";

export interface ReplayedChange {
  change: Change;
  stream: StatusStream;
  seq: number;
}

/**
 * The changes a reconnecting client missed: what the streams stored after the position it last
 * saw, up to `until`, read again from JetStream and described like the live ones.
 */
export async function* replayChanges(
  live: LiveStatus,
  events: StatusEvents,
  after: Position,
  until: Position,
): AsyncGenerator<ReplayedChange> {
  let position = { ...after };
  for await (const e of events.replay(after, until)) {
    position = { ...position, [e.stream]: e.seq };
    if (e.event) yield { change: live.view.describe(e.event, positionId(position), e.at), stream: e.stream, seq: e.seq };
  }
}
