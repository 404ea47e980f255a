/// <reference lib="dom" />
// The status page in an emergency, as a person on a phone sees it: what to do now first, in their language.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Page } from "playwright-core";
import { eventually } from "../harness";
import { declare } from "../support/api";
import { systemAndBrowserForSuite } from "../support/pages";

// A loaded 2-core machine: every wait is on a condition, with room to spare.
jest.setTimeout(240_000);

const phone = { width: 360, height: 780 };
const desktop = { width: 1280, height: 900 };
/** Set SCREENSHOTS_DIR to keep a picture of each page as the test sees it. */
const shots = process.env.SCREENSHOTS_DIR;

async function shoot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

const box = (page: Page, selector: string) =>
  page.locator(selector).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });

describe("the status page in an earthquake emergency, on a 360 px phone", () => {
  const suite = systemAndBrowserForSuite({ viewport: phone });

  it("shows 「いま、すること」 right after the mode line once an earthquake is declared, without a reload, within the first screen", async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.h.base}/?lang=ja`);
    expect(await page.locator("#guidance").isHidden()).toBe(true);
    await page.evaluate(() => ((window as any).notReloaded = true));

    await declare(suite.h, { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" });

    await page.locator("#guidance h2", { hasText: "いま、すること" }).waitFor({ timeout: 120_000 });
    expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
    const lines = await page.locator("#guidance li").allTextContents();
    expect(lines.join("\n")).toMatch(/余震[^]*飲み水[^]*災害用伝言ダイヤル 171/);

    const mode = await box(page, "#mode");
    const guidance = await box(page, "#guidance");
    expect(guidance.top).toBeGreaterThanOrEqual(mode.bottom);
    expect(guidance.bottom).toBeLessThanOrEqual(phone.height);
    await shoot(page, "status-ja-360");
    await page.close();
  });

  it("keeps the phone order: mode, what to do now, nearest with room, crowding by ward, counters, ward lists folded, subscribe", async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.h.base}/?lang=ja`);
    await eventually(() => page.locator("#shelters-title .count", { hasText: "208" }).count(), "208 shelters open", 120_000);
    await page.reload();
    await page.locator("#crowding").waitFor({ state: "visible" });
    await page.locator("#services").waitFor({ state: "visible" });
    const order = ["#mode", "#guidance", "#shelters", "#crowding", "#services", "#shelter-lists", "#subscribe"];
    const tops = await Promise.all(order.map(async (selector) => (await box(page, selector)).top));
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(await page.locator("details.ward").count()).toBe(5);
    expect(await page.locator("details.ward[open]").count()).toBe(0);
    expect((await box(page, "#crowding")).top).toBeLessThan(2 * phone.height);
    await page.close();
  });

  it("says it in English on the English page, with English dates and the counter services' English names", async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.h.base}/?lang=en`);
    await page.locator("#guidance h2", { hasText: "What to do now" }).waitFor();
    const lines = (await page.locator("#guidance li").allTextContents()).join("\n");
    expect(lines).toMatch(/aftershocks[^]*drinking water[^]*Disaster Emergency Message Dial 171/);
    expect(lines).not.toMatch(/[ぁ-んァ-ン]{3}/);
    expect((await box(page, "#guidance")).bottom).toBeLessThanOrEqual(phone.height);
    expect(await page.locator("#mode .when").textContent()).toMatch(/^declared \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} JST$/);
    await page.locator("#services-list li").first().waitFor();
    const services = await page.locator("#services-list").textContent();
    expect(services).toContain("Certificate of residence");
    expect(services).not.toContain("住民票");
    await shoot(page, "status-en-360");
    await page.close();
  });

  it("says it in Nepali and in Vietnamese on those pages, from the playbook, not the English", async () => {
    const said = {
      ne: /पराकम्पन[^]*आश्रयस्थल[^]*पिउने पानी[^]*विपद् सन्देश डायल 171/,
      vi: /Dư chấn[^]*nơi lánh nạn đang mở[^]*nước uống[^]*Dịch vụ nhắn tin khi có thảm họa 171/,
    };
    for (const [lang, words] of Object.entries(said)) {
      const page = await suite.browser.context.newPage();
      await page.goto(`${suite.h.base}/?lang=${lang}`);
      await page.locator("#guidance li").first().waitFor();
      const lines = await page.locator("#guidance li").allTextContents();
      expect([lang, lines.length]).toEqual([lang, 5]);
      expect(lines.join("\n")).toMatch(words);
      expect(lines.join("\n")).not.toMatch(/aftershocks|drinking water|余震/);
      await shoot(page, `status-${lang}-360`);
      await page.close();
    }
  });

  it("looks right on a desktop too, in Japanese and English", async () => {
    for (const lang of ["ja", "en"]) {
      const page = await suite.browser.context.newPage();
      await page.setViewportSize(desktop);
      await page.goto(`${suite.h.base}/?lang=${lang}`);
      await page.locator("#guidance li").first().waitFor();
      expect((await box(page, "#guidance")).bottom).toBeLessThanOrEqual(desktop.height);
      await shoot(page, `status-${lang}-desktop`);
      await page.close();
    }
  });

  it("lists every facility on a page of its own, reached from the status page, each with its state, in Japanese and English", async () => {
    for (const [lang, size] of [
      ["ja", phone],
      ["en", desktop],
    ] as const) {
      const page = await suite.browser.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`${suite.h.base}/?lang=${lang}`);
      await page.locator('a[href^="/facilities?"], a[href="/facilities"]').click();
      await page.locator("#facilities-title").waitFor();
      const rows = page.locator("#facilities li[data-state]");
      expect(await rows.count()).toBeGreaterThan(200);
      // In the emergency the shelters read their shelter operation first (開設中 / open), never only their ordinary use.
      const open = page.locator('#facilities li[data-state="shelter_open"]');
      expect(await open.count()).toBeGreaterThan(100);
      expect(await open.first().locator(".status").textContent()).toContain(lang === "ja" ? "開設中" : "open");
      // The playbook records its reasons in Japanese; the English list says them in English, never 避難所開設.
      const opened = lang === "ja" ? "避難所開設（地震）" : "shelter opened (earthquake)";
      expect(await page.locator("#facilities .reason", { hasText: opened }).count()).toBeGreaterThan(100);
      if (lang === "en") expect(await page.locator("#facilities").textContent()).not.toContain("避難所開設");
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      // A category heading starts with a capital, though its glossary term is written for mid-sentence ("school").
      const heading = page.locator("#facilities h2.category").first();
      expect(await heading.evaluate((h) => getComputedStyle(h, "::first-letter").textTransform)).toBe("uppercase");
      await shoot(page, `facilities-${lang}-${size === phone ? "360" : "desktop"}`);
      await page.close();
    }
  });

  it("opens a saved page offline in its language, and says so in the page's language when a page was never saved", async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.h.base}/?lang=en`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await eventually(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), "the page controlled by its worker");
    await page.goto(`${suite.h.base}/facilities/lib:JP-1003025?lang=en`); // through the worker, which keeps this copy
    const saved = await page.locator("h1").textContent();
    await suite.browser.context.setOffline(true);
    try {
      await page.goto(`${suite.h.base}/facilities/lib:JP-1003025?lang=en`);
      expect(await page.locator("h1").textContent()).toBe(saved);
      await page.goto(`${suite.h.base}/facilities/lib:JP-1003027?lang=en`);
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.locator("#not-saved").textContent()).toBe(
        "This page has not been saved on this device yet. Open it again once you are back online.",
      );
      await page.goto(`${suite.h.base}/services/juminhyo?lang=ja`);
      expect(await page.locator("#not-saved").textContent()).toBe(
        "このページはまだこの端末に保存されていません。接続が戻ってから開いてください。",
      );
      await shoot(page, "not-saved-ja-360");
    } finally {
      await suite.browser.context.setOffline(false);
    }
    await page.close();
  });
});
