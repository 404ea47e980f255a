/**
 * `npm run screenshots`: every page at phone and desktop width, from a real run (the four
 * services on the Kumamoto data, an earthquake emergency declared and approved, a staffing plan applied
 * and answered), saved in docs/screenshots.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Page } from "playwright-core";
import { repoRoot } from "../../deploy/embedded/system";
import { eventually, startHarness } from "../harness";
import { Role } from "../../services/gateway/src/adapters/auth/tokens";
import { Browser, launchBrowser } from "./browser";
import { answerFirstNotice, applyAPlan } from "../support/api";

const out = join(repoRoot, "docs", "screenshots");
const widths = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };

async function shoot(browser: Browser, base: string, name: string, path: string, prepare?: (page: Page) => Promise<void>) {
  for (const [size, viewport] of Object.entries(widths)) {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`${base}${path}`);
    await page.waitForLoadState("load");
    if (prepare) await prepare(page);
    const file = join(out, `${name}-${size}.png`);
    await page.screenshot({ path: file, fullPage: size === "desktop" && !name.startsWith("status") });
    console.log(file);
    await page.close();
  }
}

/** Each role's desk at 360 px and desktop width, in Japanese and English: docs/desks.md shows them. */
async function shootDesks(
  browser: Browser,
  base: string,
  token: (role: Role, subject?: string) => Promise<string>,
  staffId: string,
  only: (name: string) => boolean,
) {
  const sizes = { "360": { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };
  // The officer's picture is of a plan under review, before 適用.
  const review = async (page: Page) => {
    await page.locator("#propose-button").click();
    await page.locator("#plan-review:not([hidden])").waitFor({ timeout: 180_000 });
  };
  const desks: [string, string, Role, string | undefined, ((page: Page) => Promise<void>)?][] = [
    ["manager", "/console", "manager", undefined],
    ["approver", "/console", "approver", undefined],
    ["staffing-officer", "/console", "staffing_officer", undefined, review],
    ["facility-admin", "/console", "facility_admin", undefined],
    ["staff", "/staff", "staff", staffId],
    ["staff-on-console", "/console", "staff", staffId],
  ];
  for (const [name, path, role, subject, then] of desks.filter(([name]) => only(name))) {
    for (const lang of ["ja", "en"]) {
      for (const [size, viewport] of Object.entries(sizes)) {
        const page = await browser.context.newPage();
        await page.setViewportSize(viewport);
        await page.goto(`${base}${path}?lang=${lang}`);
        await page.setExtraHTTPHeaders({ authorization: `Bearer ${await token(role, subject)}` });
        await page.reload();
        await page
          .locator(role === "staff" && path === "/console" ? "#no-panel:not([hidden])" : ".needs-token:not([hidden])")
          .first()
          .waitFor();
        await page.waitForTimeout(1500); // let the panels fill in before the picture
        if (then) await then(page);
        const file = join(out, `desk-${name}-${lang}-${size}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await page.close();
      }
    }
  }
}

async function main() {
  mkdirSync(out, { recursive: true });
  // The two-person rule on, so the console can show the approval queue with its preview.
  const h = await startHarness({ env: { APPROVAL_REQUIRED: "normal-to-emergency" } });
  const browser = await launchBrowser(h.base);
  try {
    const signIn = (role: Role, subject?: string) => async (page: Page) => {
      await page.setExtraHTTPHeaders({ authorization: `Bearer ${await h.token(role, subject)}` });
      await page.reload();
      await page.locator(".needs-token:not([hidden])").first().waitFor();
      await page.waitForTimeout(1500); // let the panels fill in before the picture
    };
    // A few citizens subscribed through the test push service, so the console has pushes to show.
    for (const ward of ["中央区", "東区", "北区"]) {
      const res = await h.api("POST", "/api/v1/subscriptions", { subscription: h.pushService.subscribe().json, topics: [`ward:${ward}`] });
      if (res.status !== 201) throw new Error(`subscription refused: ${JSON.stringify(res.body)}`);
    }
    const declared = await h.api(
      "POST",
      "/api/v1/mode",
      { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" },
      { authorization: `Bearer ${await h.token("manager")}` },
    );
    if (declared.status !== 202) throw new Error(`declaration not queued for approval: ${JSON.stringify(declared.body)}`);
    await shoot(browser, h.base, "console-approval", "/console?lang=ja", signIn("approver"));
    const approved = await h.api("POST", `/api/v1/mode/pending/${declared.body.pendingId}/approve`, undefined, {
      authorization: `Bearer ${await h.token("approver")}`,
    });
    if (approved.status !== 201) throw new Error(`approval refused: ${JSON.stringify(approved.body)}`);
    await eventually(async () => (await h.api("GET", "/api/v1/status")).body.summary?.shelter_open === 208, "208 shelters open", 120_000);
    await eventually(() => h.deliveriesSettled(), "the pushes sent", 120_000);
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    await eventually(
      async () => (await h.api("GET", "/api/v1/staffing/summary", undefined, manager)).body.mode?.level === "emergency",
      "staffing planned for the emergency",
      180_000,
    );
    const token = (role: Role, subject?: string) => h.token(role, subject);
    // The officer's desk before any plan is in force: a first plan under review moves people.
    await shootDesks(browser, h.base, token, "", (name) => name === "staffing-officer");
    // A staffing plan in force, so the staff page shows a real duty and the console real acknowledgements:
    // one person acknowledges, another declines, the first keeps a notice still to answer.
    const plan = await applyAPlan(h, manager);
    const [shown, acknowledging, declining] = [...new Set(plan.changes.filter((c) => c.to).map((c) => c.staffId))];
    for (const [staffId, answer, body] of [
      [acknowledging, "ack", {}],
      [declining, "decline", { reason: "家族が負傷したため" }],
    ] as const) {
      const res = await answerFirstNotice(h, staffId, answer, body);
      if (res.status !== 200) throw new Error(`answer refused: ${JSON.stringify(res.body)}`);
    }
    const shots: [string, string, ((page: Page) => Promise<void>)?][] = [
      ["status", "/?lang=ja"],
      ["status-en", "/?lang=en"],
      ["facility", "/facilities/lib:JP-1003025?lang=ja"],
      ["console", "/console?lang=ja", signIn("manager")],
      ["staff", "/staff?lang=ja", signIn("staff", shown)],
    ];
    for (const [name, path, prepare] of shots) await shoot(browser, h.base, name, path, prepare);
    await shootDesks(browser, h.base, token, shown, (name) => name !== "staffing-officer");
  } finally {
    await browser.close();
    await h.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
