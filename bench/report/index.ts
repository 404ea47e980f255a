import { parseArgs } from "node:util";
import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { FacilityStatus, ModeLevel, ShelterOperation, wards } from "@crisis/platform/contracts";
import { CounterWaitingReported, OccupancyReported } from "@crisis/platform/contracts/crowding";
import {
  AlertIssued,
  FacilityStatusChanged,
  ModeChanged,
  StaffAnswered,
  StaffReassigned,
  StaffReleased,
} from "@crisis/platform/contracts/events";
import { IncidentEvent, IncidentLedger } from "../../services/gateway/src/areas/records/domain/incident-report";
import { printFigures } from "../print";

const start = Date.parse("2026-07-28T00:00:00Z");
const days = 10;
const SHELTERS = 200;
const COUNTERS = 20;
const STAFF = 5_000;

/** One stored event: its kind and its payload as the stream holds it (protobuf), or a batch's JSON counts. */
interface Stored {
  kind: IncidentEvent["kind"];
  bytes: Uint8Array;
  at?: string;
  key?: string;
}

/**
 * A synthetic 10-day incident of `total` events in the proportions of a long one: occupancy reports
 * 45 %, counter waiting 15 %, duty notices 10 % and their answers and releases 10 %, push batches 15 %,
 * the rest shelters opened and closed, audit records, alerts and declarations.
 */
function incident(total: number): Stored[] {
  const out: Stored[] = [];
  const step = (days * 86_400_000) / total;
  let alert = "alert-0";
  for (let i = 0; i < total; i++) {
    const at = new Date(start + Math.floor(i * step)).toISOString();
    const k = i % 20;
    const shelter = (i * 7) % SHELTERS;
    const ward = wards[shelter % wards.length];
    if (k <= 8)
      out.push({
        kind: "occupancy",
        bytes: OccupancyReported.encode(
          OccupancyReported.fromPartial({ eventId: `o${i}`, facilityId: `f${shelter}`, ward, headcount: (i >> 3) % 300, reportedAt: at }),
        ).finish(),
      });
    else if (k <= 11)
      out.push({
        kind: "waiting",
        bytes: CounterWaitingReported.encode(
          CounterWaitingReported.fromPartial({
            eventId: `w${i}`,
            serviceId: `c${i % COUNTERS}`,
            serviceName: `窓口${i % COUNTERS}`,
            waiting: i % 40,
            reportedAt: at,
          }),
        ).finish(),
      });
    else if (k <= 13)
      out.push({
        kind: "reassigned",
        bytes: StaffReassigned.encode(
          StaffReassigned.fromPartial({
            eventId: `r${i}`,
            noticeId: `n${i}`,
            staffId: `s${i % STAFF}`,
            duty: i % 3 ? "" : "保健師",
            issuedAt: at,
            startsAt: at,
          }),
        ).finish(),
      });
    else if (k === 14)
      out.push({
        kind: "acknowledged",
        bytes: StaffAnswered.encode(StaffAnswered.fromPartial({ noticeId: `n${i - 2}`, answeredAt: at })).finish(),
      });
    else if (k === 15 && (i / 20) % 2 < 1)
      out.push({
        kind: "declined",
        bytes: StaffAnswered.encode(StaffAnswered.fromPartial({ noticeId: `n${i - 2}`, answeredAt: at })).finish(),
      });
    else if (k === 15)
      out.push({
        kind: "released",
        bytes: StaffReleased.encode(
          StaffReleased.fromPartial({ staffId: `s${(i - 3) % STAFF}`, department: `dept${((i - 3) % STAFF) % 30}`, releasedAt: at }),
        ).finish(),
      });
    else if (k <= 18)
      out.push({
        kind: "delivery",
        key: `${alert}.b.${i}`,
        at,
        bytes: Buffer.from(JSON.stringify({ accepted: 480 + (i % 20), gone: i % 5, failed: i % 3, expired: 0 })),
      });
    else if (i % 2000 === 39) {
      alert = `alert-${i}`;
      out.push({
        kind: "alert",
        bytes: AlertIssued.encode(
          AlertIssued.fromPartial({ eventId: alert, causeEventId: `m${i - 1000}`, recipients: 30_000, issuedAt: at, titleJa: "避難情報" }),
        ).finish(),
      });
    } else if (i % 2000 === 1039)
      out.push({
        kind: "mode",
        bytes: ModeChanged.encode(
          ModeChanged.fromPartial({ eventId: `m${i}`, mode: { level: ModeLevel.MODE_LEVEL_ALERT, declaredAt: at, declaredBy: "hq" } }),
        ).finish(),
      });
    else if (i % 100 === 19)
      out.push({
        kind: "audit",
        bytes: AuditRecorded.encode(
          AuditRecorded.fromPartial({ eventId: `a${i}`, at, actor: "hq", kind: "POST /api/v1/facilities/:id/shelter", why: "巡回" }),
        ).finish(),
      });
    else {
      const open = (i / 20) % 3 >= 1;
      out.push({
        kind: "facility",
        bytes: FacilityStatusChanged.encode(
          FacilityStatusChanged.fromPartial({
            eventId: `f${i}`,
            facilityId: `f${shelter}`,
            ward,
            status: open ? FacilityStatus.FACILITY_STATUS_SHELTER_OPEN : FacilityStatus.FACILITY_STATUS_NORMAL,
            shelter: open ? ShelterOperation.SHELTER_OPERATION_OPEN : ShelterOperation.SHELTER_OPERATION_CLOSED,
            changedAt: at,
          }),
        ).finish(),
      });
    }
  }
  return out;
}

/** Decodes a stored event as the read model's follower does. */
function decode(s: Stored): IncidentEvent {
  switch (s.kind) {
    case "occupancy":
      return { kind: s.kind, event: OccupancyReported.decode(s.bytes) };
    case "waiting":
      return { kind: s.kind, event: CounterWaitingReported.decode(s.bytes) };
    case "reassigned":
      return { kind: s.kind, event: StaffReassigned.decode(s.bytes) };
    case "acknowledged":
    case "declined":
      return { kind: s.kind, event: StaffAnswered.decode(s.bytes) };
    case "released":
      return { kind: s.kind, event: StaffReleased.decode(s.bytes) };
    case "alert":
      return { kind: s.kind, event: AlertIssued.decode(s.bytes) };
    case "mode":
      return { kind: s.kind, event: ModeChanged.decode(s.bytes) };
    case "audit":
      return { kind: s.kind, event: AuditRecorded.decode(s.bytes) };
    case "facility":
      return { kind: s.kind, event: FacilityStatusChanged.decode(s.bytes) };
    case "delivery": {
      const cut = s.key!.lastIndexOf(".b.");
      const counts = JSON.parse(Buffer.from(s.bytes).toString()) as Record<"accepted" | "gone" | "failed" | "expired", number>;
      return { kind: s.kind, batch: { alertId: s.key!.slice(0, cut), batch: s.key!.slice(cut + 3), ...counts, settledAt: s.at! } };
    }
    default:
      throw new Error(`no ${s.kind} in this bench`);
  }
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * The after-action report over a 10-day incident: cold, every event decoded and folded for the
 * request (what re-reading the streams per request costs, without the network), against warm,
 * the report read from the ledger the gateway keeps as events arrive; the same run, same events.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { events: { type: "string", default: "1000000" }, rounds: { type: "string", default: "5" } },
  });
  const total = Number(values.events);
  const rounds = Number(values.rounds);
  const stored = incident(total);
  const from = new Date(start).toISOString();
  const to = new Date(start + days * 86_400_000).toISOString();

  const cold: number[] = [];
  let ledger = new IncidentLedger();
  for (let r = 0; r < Math.min(rounds, 3); r++) {
    const t0 = process.hrtime.bigint();
    ledger = new IncidentLedger();
    for (const s of stored) ledger.add(decode(s));
    JSON.stringify(ledger.report(from, to));
    cold.push(ms(t0));
  }
  const warm: number[] = [];
  let bytes = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    bytes = Buffer.byteLength(JSON.stringify(ledger.report(from, to)));
    warm.push(ms(t0));
  }
  const coldMs = median(cold);
  const warmMs = median(warm);
  const report = ledger.report(from, to);
  const rows: [string, string][] = [
    ["events", `${total.toLocaleString("en")} over ${days} days (${SHELTERS} shelters, ${COUNTERS} counters, ${STAFF} staff)`],
    [
      "report",
      `${report.timeline.length} decisions, ${report.shelters.evacueesPerWardPerHour.length} ward hours, ${report.alerts.length} alerts, ${report.staff.notices} notices`,
    ],
    ["cold: decode + fold every event + report (median)", `${coldMs.toFixed(0)} ms (${cold.map((c) => c.toFixed(0)).join(", ")})`],
    ["warm: report from the kept ledger (median)", `${warmMs.toFixed(1)} ms (${warm.map((w) => w.toFixed(0)).join(", ")}); goal < 500 ms`],
    ["JSON answer", `${bytes.toLocaleString("en")} bytes`],
    ["ratio (cold / warm)", (coldMs / warmMs).toFixed(1)],
  ];
  printFigures(rows, {
    bench: "report",
    events: total,
    cold_report_ms: Number(coldMs.toFixed(1)),
    warm_report_ms: Number(warmMs.toFixed(1)),
    bytes,
    ratio: Number((coldMs / warmMs).toFixed(2)),
  });
}
