import { Backbone, buckets, ensureStreams, openBucket, publishEvent, streams, FakeClock } from "@crisis/platform";
import { EventType, eventTypes } from "@crisis/platform/contracts";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { followIncidentLedger } from "../../../../src/adapters/nats/incident-ledger";
import { dailySummaryAnswer, incidentReportAnswer } from "../../../../src/areas/records/http/schemas";
import { chromiumPrinter } from "../../../../src/adapters/print/chromium-printer";
import { shippedAssets } from "../../../../src/adapters/http/assets";
import { IncidentEvent, IncidentLedger } from "../../../../src/areas/records/domain/incident-report";
import { scriptedDirectory, scriptedIncident } from "../../../support/scripted-incident";
import { LocalIdp, startLocalIdp } from "../../../adapters/auth/local-idp";
import { GatewayUnderTest, startGateway } from "../../../adapters/gateway-under-test";

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
  const printed: string[] = [];
  const printer = {
    toPdf: async (html: string) => {
      printed.push(html);
      return Buffer.from("%PDF-1.7 sheet");
    },
  };

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { incidents: ledger, printer, clock: new FakeClock("2026-08-01T00:00:00Z") });
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
    // No source reports online applications: the report says so rather than leave the share out unexplained.
    expect(res.text).toContain('<p id="online-share">Share of procedures done online (Myna Portal): not known.');
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

  describe("the daily HQ figure sheet", () => {
    const daily = "/api/v1/reports/incident/daily?date=2026-07-28";

    it("answers the day's figures as JSON, one sheet per day asked for", async () => {
      const res = await gw.call("GET", `${daily}&days=2`, { as: manager });
      expect(res.status).toBe(200);
      expect(dailySummaryAnswer.safeParse(res.body).error).toBeUndefined();
      expect(res.body.sheets.map((s: { date: string; totals: unknown }) => [s.date, s.totals])).toEqual([
        ["2026-07-28", { sheltersOpen: 2, evacuees: 70, peakEvacuees: 70, staffDeployed: 2, staffHours: 6.5 }],
        ["2026-07-29", { sheltersOpen: 2, evacuees: 10, peakEvacuees: 70, staffDeployed: 0, staffHours: 0 }],
      ]);
    });

    it.each([
      ["ja", "災害対策本部会議 資料", "開設避難所"],
      ["en", "Disaster HQ meeting figure sheet", "Shelters open"],
    ])("renders a printable page in %s with the key figures and tables", async (lang, title, key) => {
      const res = await gw.call("GET", `${daily}&format=html&lang=${lang}`, { as: manager });
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.text).toContain(title);
      expect(res.text).toMatch(new RegExp(`<div data-figure="shelters-open">\\s*<dt>${key}</dt>\\s*<dd><data value="2">`));
      expect(res.text).toMatch(/<div data-figure="evacuees">\s*<dt>[^<]+<\/dt>\s*<dd><data value="70">/);
      expect(res.text).toMatch(/<div data-figure="staff-deployed">\s*<dt>[^<]+<\/dt>\s*<dd><data value="2">/);
      expect(res.text).toMatch(/<link rel="stylesheet" href="\/assets\/report\.[0-9a-f]{10}\.css" \/>/);
      expect(res.text.match(/<article class="sheet"/g)).toHaveLength(1);
      expect(res.text).not.toContain("<script>");
    });

    it("prints the page to PDF", async () => {
      printed.length = 0;
      const res = await gw.call("GET", `${daily}&format=pdf&lang=en`, { as: manager });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe('inline; filename="hq-sheet-2026-07-28-en.pdf"');
      expect(res.text).toBe("%PDF-1.7 sheet");
      expect(printed).toHaveLength(1);
      expect(printed[0]).toContain("Disaster HQ meeting figure sheet");
    });

    it.each([
      ["date=28.07.2026", "date"],
      ["date=2026-07-28&days=40", "days"],
      ["date=2026-07-28&format=docx", "format"],
    ])("refuses %s naming %s", async (query, field) => {
      const res = await gw.call("GET", `/api/v1/reports/incident/daily?${query}`, { as: manager });
      expect(res.body).toMatchObject({ status: 422, code: "QUERY_INVALID", field });
    });

    it("says plainly when this gateway cannot print (no Chromium), and nothing else breaks", async () => {
      const missing = chromiumPrinter({ chromiumPath: "/nowhere/chromium", assets: shippedAssets() });
      await expect(missing.toPdf("<p>sheet</p>")).rejects.toMatchObject({
        status: 503,
        code: "PDF_UNAVAILABLE",
        field: "format",
        message: expect.stringContaining("/nowhere/chromium"),
      });
    });
  });

  it("is for managers", async () => {
    const res = await gw.call("GET", `/api/v1/reports/incident?${range}`, { as: { roles: ["approver"] } });
    expect(res.status).toBe(403);
  });
});
