import { Backbone, JsMsg, buckets, decodeEvent, followStream, openBucket, streams } from "@crisis/platform";
import { EventType, eventTypes } from "@crisis/platform/contracts";
import { IncidentEvent, IncidentLedger } from "../../areas/records/domain/incident-report";

const {
  modeChanged,
  auditRecorded,
  facilityStatusChanged,
  occupancyReported,
  suppliesExhausted,
  suppliesRestored,
  alertIssued,
  staffReassigned,
  staffAcknowledged,
  staffDeclined,
  staffReleased,
  counterWaitingReported,
  serviceLevelChanged,
} = eventTypes;

/** Notify's delivery report of one batch: key `<alert>.b.<slice>`, value the batch's counts. */
const batchKey = /^\$KV\.[^.]+\.(.+)\.b\.([^.]+)$/;

/**
 * The after-action report's read model: every replica follows the streams it is made of once, from
 * their start, and folds each event into `ledger` as it arrives, so a report reads the ledger only.
 * `caughtUp` resolves once every stream was read to where it stood at the start.
 */
export async function followIncidentLedger(backbone: Backbone, ledger: IncidentLedger, replicas: number) {
  // The delivery reports are notify's: opened here too, so the gateway can start first.
  await openBucket(backbone.js, buckets.deliveryReports, replicas);
  const typed = <T>(type: EventType<T>, make: (event: T) => IncidentEvent) =>
    [type.subject, (msg: JsMsg) => make(decodeEvent(type, msg).event)] as const;
  const bySubject = new Map<string, (msg: JsMsg) => IncidentEvent>([
    typed(modeChanged, (event) => ({ kind: "mode", event })),
    typed(auditRecorded, (event) => ({ kind: "audit", event })),
    typed(facilityStatusChanged, (event) => ({ kind: "facility", event })),
    typed(occupancyReported, (event) => ({ kind: "occupancy", event })),
    typed(suppliesExhausted, (event) => ({ kind: "suppliesExhausted", event })),
    typed(suppliesRestored, (event) => ({ kind: "suppliesRestored", event })),
    typed(alertIssued, (event) => ({ kind: "alert", event })),
    typed(staffReassigned, (event) => ({ kind: "reassigned", event })),
    typed(staffAcknowledged, (event) => ({ kind: "acknowledged", event })),
    typed(staffDeclined, (event) => ({ kind: "declined", event })),
    typed(staffReleased, (event) => ({ kind: "released", event })),
    typed(counterWaitingReported, (event) => ({ kind: "waiting", event })),
    typed(serviceLevelChanged, (event) => ({ kind: "serviceLevel", event })),
  ]);
  const onEvent = (msg: JsMsg) => {
    const decode = bySubject.get(msg.subject);
    if (decode) ledger.add(decode(msg));
  };
  const onBatch = (msg: JsMsg) => {
    const key = batchKey.exec(msg.subject);
    if (!key || msg.data.length === 0) return;
    const counts = JSON.parse(Buffer.from(msg.data).toString()) as Record<"accepted" | "gone" | "failed" | "expired", number>;
    const settledAt = new Date(Math.floor(msg.info.timestampNanos / 1e6)).toISOString();
    ledger.add({ kind: "delivery", batch: { alertId: key[1], batch: key[2], ...counts, settledAt } });
  };
  const followers = await Promise.all([
    ...[streams.mode, streams.audit, streams.facility, streams.shelter, streams.alert, streams.staff, streams.service].map((s) =>
      followStream(backbone, s.name, {}, onEvent),
    ),
    followStream(backbone, `KV_${buckets.deliveryReports.name}`, {}, onBatch),
  ]);
  return {
    caughtUp: Promise.all(followers.map((f) => f.caughtUp)).then(() => undefined),
    async stop() {
      await Promise.all(followers.map((f) => f.stop()));
    },
  };
}
