/// <reference lib="dom" />
// The test drives a real browser: functions passed to $$eval run there, with the DOM.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { cityDate } from "@crisis/platform/contracts";
import { Page } from "playwright-core";
import { Harness, eventually, startHarness } from "../harness";
import { Browser, launchBrowser } from "./browser";
import { answerFirstNotice, applyAPlan, bearer, declare } from "../support/api";

// A loaded 2-core machine: every wait is on a condition, with room to spare.
jest.setTimeout(300_000);

/** Set SCREENSHOTS_DIR (docs/screenshots) to keep the sheet at phone and desktop width, in both languages. */
const screenshots = process.env.SCREENSHOTS_DIR;

const tableRows = (page: Page, name: string) =>
  page.$$eval(`table[data-table="${name}"] tbody tr`, (rows) =>
    rows.map((r) => Array.from(r.querySelectorAll("th, td")).map((c) => (c.textContent ?? "").trim())),
  );
const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"] data`).getAttribute("value").then(Number);

/**
 * The after-action report and the HQ meeting's daily sheet after a scripted incident run on the
 * whole system: a flood declared for 北区, its shelters opened, one occupancy report, a staffing plan
 * applied with one acknowledgement and one decline, the stand-down.
 */
describe("the incident report and the daily HQ sheet in real Chromium", () => {
  let h: Harness;
  let browser: Browser;
  let manager: Record<string, string>;
  const started = new Date(Date.now() - 60_000).toISOString();
  let ended: string;
  let opened: { id: string; ward: string }[];
  const headcount = 37;

  beforeAll(async () => {
    h = await startHarness();
    manager = await bearer(h, "manager");
    await declare(h, { incident: "flood", level: "emergency", wards: ["北区"], reason: "白川氾濫危険" }, manager);
    opened = await eventually(
      async () => {
        const status = await h.api("GET", "/api/v1/status");
        const open = status.body.facilities.filter((f: { status: string }) => f.status === "shelter_open");
        const summary = (await h.api("GET", "/api/v1/staffing/summary", undefined, manager)).body;
        return open.length > 0 && (summary.shelters ?? []).length === open.length ? open : undefined;
      },
      "北区's shelters open and staffed",
      120_000,
      500,
    );
    const reported = await h.api("POST", `/api/v1/shelters/${encodeURIComponent(opened[0].id)}/occupancy`, { headcount }, manager);
    expect(reported.status).toBe(201);
    const plan = await applyAPlan(h, manager);
    const [acknowledging, declining] = [...new Set(plan.changes.filter((c) => c.to).map((c) => c.staffId))];
    expect((await answerFirstNotice(h, acknowledging, "ack")).status).toBe(200);
    expect((await answerFirstNotice(h, declining, "decline", { reason: "家族が負傷したため" })).status).toBe(200);
    await declare(h, { incident: "flood", level: "normal", reason: "水位低下" }, manager);
    ended = new Date(Date.now() + 60_000).toISOString();
    browser = await launchBrowser(h.base);
    await browser.context.setExtraHTTPHeaders(manager);
  });
  afterAll(async () => {
    await browser?.close();
    await h.stop();
  });

  const range = () => `from=${encodeURIComponent(started)}&to=${encodeURIComponent(ended)}`;

  it("shows the report with its charts, and tables with the incident's exact figures", async () => {
    const api = await eventually(
      async () => {
        const body = (await h.api("GET", `/api/v1/reports/incident?${range()}`, undefined, manager)).body;
        return body.staff?.declined === 1 && body.timeline?.some((t: { why: string }) => t.why === "水位低下") ? body : undefined;
      },
      "the report caught up with the stand-down",
      60_000,
      500,
    );
    const page = await browser.context.newPage();
    await page.goto(`${h.base}/api/v1/reports/incident?${range()}&format=html&lang=ja`);
    expect(await page.locator("svg.chart[role=img]").count()).toBe(6);
    const today = cityDate(new Date());
    expect(await tableRows(page, "shelters-open")).toEqual([[today, "北区", String(opened.length)]]);
    const evacuees = await tableRows(page, "evacuees");
    expect(evacuees.map(([, ward, shelters, people]) => [ward, shelters, people])).toContainEqual(["北区", "1", String(headcount)]);
    const timeline = await tableRows(page, "timeline");
    expect(timeline.map((r) => [r[2], r[3]])).toEqual(
      expect.arrayContaining([
        ["manager@e2e", "白川氾濫危険"],
        ["manager@e2e", "水位低下"],
      ]),
    );
    const [[notices, acknowledged, declined, ackRate]] = await tableRows(page, "staff-answers");
    expect([acknowledged, declined]).toEqual(["1", "1"]);
    expect([Number(notices), Number(ackRate)]).toEqual([api.staff.notices, api.staff.ackRate]);
    expect(await tableRows(page, "staff-reassigned")).toEqual(
      api.staff.reassigned.map((r: { department: string; skill: string; people: number }) => [r.department, r.skill, String(r.people)]),
    );
    await page.close();
  });

  it("shows the day's HQ sheet with the same figures, in Japanese and English, and prints it to PDF", async () => {
    const date = cityDate(new Date());
    const daily = `${h.base}/api/v1/reports/incident/daily?date=${date}`;
    const sheet = (await h.api("GET", `/api/v1/reports/incident/daily?date=${date}`, undefined, manager)).body.sheets[0];
    // The stand-down closed the shelters: the day's end counts nobody, unless that is still this hour.
    expect(sheet.totals).toMatchObject({ sheltersOpen: opened.length, peakEvacuees: headcount });
    expect([0, headcount]).toContain(sheet.totals.evacuees);
    expect(sheet.answers).toMatchObject({ acknowledged: 1, declined: 1 });
    for (const lang of ["ja", "en"] as const) {
      for (const [size, viewport] of Object.entries({ phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } })) {
        const page = await browser.context.newPage();
        await page.setViewportSize(viewport);
        await page.goto(`${daily}&format=html&lang=${lang}`);
        expect(await figure(page, "shelters-open")).toBe(opened.length);
        expect(await figure(page, "evacuees")).toBe(sheet.totals.evacuees);
        expect(await figure(page, "staff-deployed")).toBe(sheet.totals.staffDeployed);
        expect(await tableRows(page, "wards")).toEqual([["北区", String(opened.length), String(sheet.totals.evacuees), String(headcount)]]);
        // Nothing wider than the screen: the sheet reads on a phone without scrolling sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        if (screenshots) {
          mkdirSync(screenshots, { recursive: true });
          await page.screenshot({ path: join(screenshots, `hq-sheet-${lang}-${size}.png`), fullPage: true });
        }
        await page.close();
      }
    }
    const pdf = await browser.context.request.get(`${daily}&format=pdf&lang=ja`, { timeout: 120_000 });
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.toString("latin1").match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  });
});
