import { Backbone, decodeEvent, publishEvent, replaySubject, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { AuditTrail } from "../../app/ports";

/** The audit trail is the CRISIS_AUDIT stream; reading replays it (a city's changes number in the thousands, not millions). */
export function jetStreamAuditTrail(backbone: Backbone): AuditTrail {
  return {
    async append(record) {
      await publishEvent(backbone.js, eventTypes.auditRecorded, record, { eventId: record.eventId, correlationId: record.correlationId });
    },
    async readAll() {
      const records: AuditRecorded[] = [];
      await replaySubject(backbone.js, backbone.jsm, streams.audit.name, eventTypes.auditRecorded.subject, (msg) =>
        records.push(decodeEvent(eventTypes.auditRecorded, msg).event),
      );
      return records;
    },
  };
}
