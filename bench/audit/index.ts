import { parseArgs } from "node:util";
import pino from "pino";
import {
  JetStreamClient,
  connectBackbone,
  decodeEvent,
  ensureStreams,
  memoryReadModels,
  projectAudit,
  publishEvent,
  replaySubject,
  streams,
} from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { startNatsServer } from "@crisis/platform/testing";
import { readModelAuditTrail } from "../../services/gateway/src/adapters/nats/audit-trail";
import { AuditFilter, matchesFilter } from "../../services/gateway/src/domain/audit";
import { printFigures } from "../print";
import { patiently, publishInWindows } from "../publish";

const WINDOW = 1_000;
const ACTORS = 200;
const FACILITIES = 300;
const kinds = ["mode.declared", "mode.approved", "PUT /api/v1/shelters/:id", "POST /api/v1/shelters/:id/occupancy", "subscription.created"];
const start = Date.parse("2026-07-28T00:00:00Z");
const days = 30;

/** Publishes one audit record, again if its ack is late. */
const publishPatiently = (js: JetStreamClient, record: AuditRecorded) =>
  patiently(() => publishEvent(js, eventTypes.auditRecorded, record, { eventId: record.eventId, correlationId: record.correlationId }));

function record(i: number, total: number): AuditRecorded {
  const kind = kinds[i % kinds.length];
  return AuditRecorded.fromPartial({
    eventId: `audit-${i}`,
    at: new Date(start + Math.floor((i * days * 86_400_000) / total)).toISOString(),
    actor: `staff-${i % ACTORS}@city`,
    actorRoles: ["manager"],
    kind,
    what: JSON.stringify({ headcount: i % 300 }),
    why: "巡回",
    correlationId: `corr-${i}`,
    facilityIds: kind.includes("shelters") ? [`shelter:${i % FACILITIES}`] : [],
    method: "POST",
    path: "/api/v1/shelters/x/occupancy",
    status: 201,
  });
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/**
 * `GET /api/v1/audit` over 1,000,000 audit records in a real nats-server, the same run: the old way
 * (replay the whole stream, decode, filter: `replay_p50_ms`) against the read model kept by the
 * projection (a filtered page of 100 through the gateway's audit trail, which first checks the
 * stream's newest record: `read_p50_ms`, `read_p99_ms`).
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      events: { type: "string", default: "1000000" },
      replays: { type: "string", default: "3" },
      reads: { type: "string", default: "200" },
    },
  });
  const total = Number(values.events);
  const replays = Number(values.replays);
  const reads = Number(values.reads);
  const server = await startNatsServer();
  const backbone = await connectBackbone(server.url, "bench-audit", pino({ level: "silent" }));
  try {
    await ensureStreams(backbone.jsm, [streams.audit]);
    const t0 = process.hrtime.bigint();
    await publishInWindows(total, WINDOW, (i) => publishPatiently(backbone.js, record(i, total)));
    const publishMs = ms(t0);

    // The filters a manager uses: one person, one shelter, one kind in a day.
    const day = (d: number) => new Date(start + d * 86_400_000);
    const filters: AuditFilter[] = [
      { actor: "staff-7@city" },
      { facility: "shelter:42" },
      { kind: "mode.approved", from: day(3), to: day(4) },
      { from: day(10), to: day(11) },
    ];

    // Before: every request replayed the stream, decoded every record and filtered.
    const replayMs: number[] = [];
    let replayMatched = 0;
    for (let r = 0; r < replays; r++) {
      const t = process.hrtime.bigint();
      const all: AuditRecorded[] = [];
      await replaySubject(backbone.js, backbone.jsm, streams.audit.name, eventTypes.auditRecorded.subject, (msg) =>
        all.push(decodeEvent(eventTypes.auditRecorded, msg).event),
      );
      replayMatched = all.filter((a) => matchesFilter(a, filters[r % filters.length])).length;
      replayMs.push(ms(t));
    }

    // Now: the projection catches up once, then each request reads a page from the read model.
    const model = memoryReadModels().audit;
    const t1 = process.hrtime.bigint();
    const projection = await projectAudit(backbone, model, { follow: true });
    await projection.caughtUp;
    const catchUpMs = ms(t1);
    const trail = readModelAuditTrail(backbone, model);
    const readMs: number[] = [];
    let pageSize = 0;
    for (let r = 0; r < reads; r++) {
      const t = process.hrtime.bigint();
      const page = await trail.page(filters[r % filters.length], 100);
      readMs.push(ms(t));
      pageSize = Math.max(pageSize, page.records.length);
    }
    await projection.stop();

    const replayP50 = quantile(replayMs, 0.5);
    const readP50 = quantile(readMs, 0.5);
    const readP99 = quantile(readMs, 0.99);
    const rows: [string, string][] = [
      ["audit records", `${total.toLocaleString("en")} over ${days} days (${ACTORS} actors, ${FACILITIES} shelters)`],
      [`publish, ${WINDOW} acks in flight`, `${(publishMs / 1000).toFixed(1)} s`],
      [
        "before: full replay + decode + filter (p50)",
        `${replayP50.toFixed(0)} ms (${replayMs.map((x) => x.toFixed(0)).join(", ")}); last matched ${replayMatched}`,
      ],
      ["read model: catch up once from the stream", `${(catchUpMs / 1000).toFixed(1)} s`],
      [
        `read model: filtered page of ≤100 (${reads} reads)`,
        `p50 ${readP50.toFixed(2)} ms, p99 ${readP99.toFixed(2)} ms; goal p50 < 50 ms`,
      ],
      ["ratio (replay p50 / read p50)", (replayP50 / readP50).toFixed(0)],
    ];
    console.log(`\naudit — nats-server ${server.url}, file storage\n`);
    printFigures(rows, {
      bench: "audit",
      events: total,
      read_p50_ms: Number(readP50.toFixed(2)),
      read_p99_ms: Number(readP99.toFixed(2)),
      replay_p50_ms: Number(replayP50.toFixed(0)),
      catch_up_ms: Number(catchUpMs.toFixed(0)),
      page: pageSize,
      ratio: Number((replayP50 / readP50).toFixed(1)),
    });
  } finally {
    await backbone.nc.close();
    await server.stop();
  }
}
