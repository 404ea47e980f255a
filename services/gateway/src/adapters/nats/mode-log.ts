import { Backbone, isWrongLastSequence, publishEvent, readLastEvent, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { ModeLog } from "../../app/ports";
import { errors } from "../../domain/errors";

/**
 * The mode is the last ModeChanged on its subject, read directly from the stream (no cache to
 * go stale between gateway replicas); the subject's history is the audit trail.
 */
export function jetStreamModeLog(backbone: Backbone): ModeLog {
  return {
    current: () => readLastEvent(backbone.jsm, streams.mode.name, eventTypes.modeChanged),
    async append(event, expectedSeq, correlationId) {
      try {
        const ack = await publishEvent(backbone.js, eventTypes.modeChanged, event, {
          eventId: event.eventId,
          correlationId,
          expectLastSubjectSequence: expectedSeq,
        });
        return ack.seq;
      } catch (err) {
        if (isWrongLastSequence(err)) throw errors.modeConflict();
        throw err;
      }
    },
  };
}
