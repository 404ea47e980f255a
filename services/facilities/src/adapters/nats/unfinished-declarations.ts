import { Backbone, decodeEvent, replaySubject, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { ModeChanged } from "@crisis/platform/contracts/events";

export interface StoredDeclaration {
  declared: ModeChanged;
  correlationId: string;
}

/**
 * The declarations stored after the last one whose PlaybookApplied the board replayed: what the
 * previous holder of the lease was applying when it died (its message waits out the ack wait before
 * the consumer hands it over). `lastApplied` undefined: none applied yet, so every one is unfinished.
 * A last applied id the mode stream does not hold (a purged stream) finishes nothing: re-applying
 * old declarations over a newer board would undo what came after them.
 */
export async function unfinishedDeclarations(backbone: Backbone, lastApplied: string | undefined): Promise<StoredDeclaration[]> {
  const stored: StoredDeclaration[] = [];
  await replaySubject(backbone.js, backbone.jsm, streams.mode.name, eventTypes.modeChanged.subject, (msg) => {
    const { event, correlationId } = decodeEvent(eventTypes.modeChanged, msg);
    stored.push({ declared: event, correlationId });
  });
  if (lastApplied === undefined) return stored.filter((s) => s.declared.mode);
  const at = stored.findIndex((s) => s.declared.eventId === lastApplied);
  return at < 0 ? [] : stored.slice(at + 1).filter((s) => s.declared.mode);
}
