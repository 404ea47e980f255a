import { Backbone, countDeadLetters, listDeadLetters } from "@crisis/platform";
import { DeadLetterShelf } from "../../areas/records/app/ports";

/** The dead-letter stream read as it is (dead letters are few: they are what nobody could handle). */
export function jetStreamDeadLetters(backbone: Backbone): DeadLetterShelf {
  return {
    count: () => countDeadLetters(backbone.jsm),
    async list() {
      return (await listDeadLetters(backbone.jsm)).map((l) => ({
        seq: l.seq,
        parkedAt: l.parkedAt.toISOString(),
        durable: l.durable,
        subject: l.subject,
        stream: l.stream,
        sequence: l.sequence,
        reason: l.reason,
        attempts: l.attempts,
        correlationId: l.correlationId,
      }));
    },
  };
}
