import { AuditRepository, Backbone, publishEvent, readLastEvent, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { AuditTrail } from "../../app/ports";
import { errors } from "../../domain/errors";

/**
 * The audit trail: written to the CRISIS_AUDIT stream, read from its read model (memory, or MongoDB
 * with MONGODB_URL) that a projection keeps from the stream. A read first waits until the model has
 * applied the stream's newest record, so a change is in the trail as soon as it was accepted, and
 * forgets records the stream no longer holds (retention, a purge).
 */
export function readModelAuditTrail(backbone: Backbone, model: AuditRepository, options: { waitMs?: number } = {}): AuditTrail {
  const waitMs = options.waitMs ?? 5_000;
  let forgotten = 0;
  const caughtUp = async () => {
    const [last, info] = await Promise.all([
      readLastEvent(backbone.jsm, streams.audit.name, eventTypes.auditRecorded),
      backbone.jsm.streams.info(streams.audit.name),
    ]);
    if (info.state.first_seq > forgotten) {
      await model.forgetBefore(info.state.first_seq);
      forgotten = info.state.first_seq;
    }
    const until = Date.now() + waitMs;
    while ((await model.checkpoint()) < last.seq) {
      if (Date.now() > until) throw errors.auditCatchingUp();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return {
    async append(record) {
      await publishEvent(backbone.js, eventTypes.auditRecorded, record, { eventId: record.eventId, correlationId: record.correlationId });
    },
    async page(filter, limit, after) {
      await caughtUp();
      const page = await model.page(
        {
          from: filter.from?.toISOString(),
          to: filter.to?.toISOString(),
          actor: filter.actor,
          kind: filter.kind,
          facility: filter.facility,
        },
        limit,
        after,
      );
      return { records: page.entries.map((e) => AuditRecorded.fromPartial(e)), next: page.next };
    },
  };
}
