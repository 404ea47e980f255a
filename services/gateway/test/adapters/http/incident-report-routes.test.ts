import { Backbone, buckets, ensureStreams, openBucket, publishEvent, streams } from "@crisis/platform";
import { EventType, eventTypes } from "@crisis/platform/contracts";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { followIncidentLedger } from "../../../src/adapters/nats/incident-ledger";
import { incidentReportAnswer } from "../../../src/adapters/http/schemas";
import { IncidentEvent, IncidentLedger } from "../../../src/domain/incident-report";
import { scriptedDirectory, scriptedIncident } from "../../support/scripted-incident";
import { LocalIdp, startLocalIdp } from "../auth/local-idp";
import { GatewayUnderTest, startGateway } from "../gateway-under-test";

/** Stores the scripted incident as the services would: events in their streams, batch counts in notify's bucket. */
async function record(backbone: Backbone, events: IncidentEvent[]) {
  const reports = await openBucket(backbone.js, buckets.deliveryReports, 1);
  const t = eventTypes;
  const types: Record<Exclude<IncidentEvent["kind"], "delivery">, EventType<never>> = {
    mode: t.modeChanged,
    audit: t.auditRecorded,
    facility: t.facilityStatusChanged,
    occupancy: t.occupancyReported,
    alert: t.alertIssued,
    reassigned: t.staffReassigned,
    acknowledged: t.staffAcknowledged,
    declined: t.staffDeclined,
    released: t.staffReleased,
    waiting: t.counterWaitingReported,
    serviceLevel: t.serviceLevelChanged,
  } as never;
  for (const [i, e] of events.entries()) {
    if (e.kind === "delivery") {
      const { alertId, batch, settledAt: _settled, ...counts } = e.batch;
      await reports.put(`${alertId}.b.${batch}`, JSON.stringify(counts));
    } else await publishEvent(backbone.js, types[e.kind], e.event as never, { eventId: `scripted-${i}`, correlationId: "test" });
  }
}

const range = "from=2026-07-28T00:00:00Z&to=2026-07-28T06:00:00Z";

describe("GET /api/v1/reports/incident", () => {
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  let following: Awaited<ReturnType<typeof followIncidentLedger>>;
  const ledger = new IncidentLedger(scriptedDirectory);
  const manager = { roles: ["manager" as const] };

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { incidents: ledger });
    await ensureStreams(gw.backbone.jsm, [streams.alert]);
    await record(gw.backbone, scriptedIncident);
    following = await followIncidentLedger(gw.backbone, ledger, 1);
    await following.caughtUp;
  });
  afterAll(async () => {
    await following.stop();
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("answers the figures read from the streams, as the API document describes them", async () => {
    const res = await gw.call("GET", `/api/v1/reports/incident?${range}`, { as: manager });
    expect(res.status).toBe(200);
    expect(incidentReportAnswer.safeParse(res.body).error).toBeUndefined();
    expect(ledger.size).toBe(scriptedIncident.length);
    const expected = new IncidentLedger(scriptedDirectory);
    scriptedIncident.forEach((e) => expected.add(e));
    const { alerts: _alerts, ...rest } = expected.report("2026-07-28T00:00:00.000Z", "2026-07-28T06:00:00.000Z");
    expect(res.body).toMatchObject(rest);
    // Batch times are when notify stored them (now), so only the counts are the script's.
    expect(res.body.alerts).toEqual([
      expect.objectContaining({ alertId: "a1", messages: 200, reached: 198, failed: 12, deliveryRate: 0.99 }),
    ]);
  });

  it("gives one table as CSV", async () => {
    const res = await gw.call("GET", `/api/v1/reports/incident?${range}&table=staff-hours`, { as: manager });
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.text).toBe('department,hours\r\n"health","4"\r\n"tax","2.5"\r\n');
  });

  it("renders a printable page with SVG charts, each with its table", async () => {
    const res = await gw.call("GET", `/api/v1/reports/incident?${range}&lang=en`, { as: manager, headers: { accept: "text/html" } });
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.text.match(/<svg\s+class="chart"/g)).toHaveLength(6);
    expect(res.text).toContain('<table data-table="evacuees">');
    expect(res.text).toMatch(/<td>2026-07-28T05:00:00.000Z<\/td><td>西区<\/td><td>1<\/td><td>60<\/td>/);
    expect(res.text).not.toContain("<script>");
  });

  it.each([
    ["from=yesterday&to=2026-07-28T06:00:00Z", "from"],
    ["from=2026-07-28T00:00:00Z", "to"],
    ["from=2026-07-28T06:00:00Z&to=2026-07-28T00:00:00Z", "to"],
    [`${range}&table=everything`, "table"],
  ])("refuses %s naming %s", async (query, field) => {
    const res = await gw.call("GET", `/api/v1/reports/incident?${query}`, { as: manager });
    expect(res.body).toMatchObject({ status: 422, code: "QUERY_INVALID", field });
  });

  it("is for managers", async () => {
    const res = await gw.call("GET", `/api/v1/reports/incident?${range}`, { as: { roles: ["approver"] } });
    expect(res.status).toBe(403);
  });
});
