/// <reference lib="dom" />
// The test drives a real browser: functions passed to page.evaluate run there, with the DOM.
import { readFileSync } from "node:fs";
import { BrowserSubscription } from "@crisis/platform/testing";
import { Page } from "playwright-core";
import { Harness, eventually, startHarness } from "../harness";
import { Browser, launchBrowser } from "./browser";

// A loaded 2-core machine: every wait is on a condition, with room to spare.
jest.setTimeout(240_000);

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const notAvailable = "この機能はまだ利用できません。";

/**
 * Headless Chromium has no push service of its own: the page's PushManager hands out a
 * subscription on the test push service, which decrypts what notify sends; DevTools then
 * delivers that text to the page's service worker as the browser's push service would.
 */
const pushManagerOn = (json: BrowserSubscription["json"]) => {
  let current: unknown = null;
  const made = () => ({ endpoint: json.endpoint, toJSON: () => json, unsubscribe: async () => ((current = null), true) });
  PushManager.prototype.subscribe = async function () {
    current = made();
    return current as PushSubscription;
  };
  PushManager.prototype.getSubscription = async function () {
    return current as PushSubscription | null;
  };
};

/** A DevTools session on the page with the ServiceWorker domain on, and the worker's registration id. */
async function serviceWorkerSession(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const ids: string[] = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (e) =>
    ids.push(...e.registrations.filter((r) => !r.isDeleted).map((r) => r.registrationId)),
  );
  await cdp.send("ServiceWorker.enable");
  await eventually(() => ids.length > 0, "the page's service worker registration");
  return { cdp, registrationId: ids[0] };
}

const notifications = (page: Page) =>
  page.evaluate(async () =>
    (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      url: n.data?.url,
    })),
  );

async function axeViolations(page: Page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v: any) => v.impact === "serious" || v.impact === "critical")
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`);
  });
}

describe("the pages in real Chromium: a citizen subscribes, a manager declares, the push shows", () => {
  let h: Harness;
  let browser: Browser;
  let citizen: Page;
  let device: BrowserSubscription;
  let managerToken: string;

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchBrowser(h.base);
    device = h.pushService.subscribe();
    await browser.context.addInitScript(pushManagerOn, device.json);
    managerToken = await h.token("manager");
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  }, 120_000);

  it("serves the status page as HTML readable without JavaScript, under 200 KB, with no inline script", async () => {
    const res = await fetch(`${h.base}/`);
    const body = await res.text();
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(Buffer.byteLength(body)).toBeLessThan(200 * 1024);
    expect(body).toContain('<html lang="ja">');
    expect(body).toContain("通常体制です。");
    expect(body).toContain("すべての施設（318）");
    const scripts = body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.filter((s) => !/\bsrc="\/assets\//.test(s) && !/type="application\/json"/.test(s))).toEqual([]);
    expect(body).not.toMatch(/\son[a-z]+="/);
    const english = await (await fetch(`${h.base}/?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain("Normal operations.");
  });

  it("lets a citizen subscribe in the page, stored with the topics they chose", async () => {
    citizen = await browser.context.newPage();
    await citizen.goto(`${h.base}/`);
    await citizen.locator("#subscribe-form").waitFor({ state: "visible" });
    await citizen.getByLabel("中央区").check();
    await citizen.getByRole("button", { name: "登録する" }).click();
    await citizen.locator("#subscribe-result", { hasText: "登録しました。" }).waitFor();
    const record = await citizen.evaluate(() => JSON.parse(localStorage.getItem("crisis.subscription") ?? "null"));
    expect(record).toEqual({
      id: expect.any(String),
      unsubscribeToken: expect.any(String),
      topics: ["ward:中央区", "category:shelter"],
      lang: "ja",
    });
  });

  it("lets a manager declare from the console, showing what will be declared before confirming", async () => {
    const manager = await browser.context.newPage();
    await manager.goto(`${h.base}/console`);
    await manager.getByLabel("アクセストークン").fill(managerToken);
    await manager.getByRole("button", { name: "使う" }).click();
    await manager.locator("#declare").waitFor({ state: "visible" });
    await manager.getByLabel("災害の種類").selectOption("earthquake");
    await manager.getByLabel("体制", { exact: true }).selectOption("emergency");
    await manager.getByLabel("理由", { exact: true }).first().fill("M7.1 震度6強");
    await manager.getByRole("button", { name: "影響を確認する" }).click();
    const preview = manager.locator("#preview");
    await preview.waitFor({ state: "visible" });
    expect(await preview.textContent()).toContain("地震 緊急体制 — 全区 — M7.1 震度6強");
    expect((await h.api("GET", "/api/v1/mode")).body.level).toBe("normal");
    await manager.getByRole("button", { name: "この内容で発令する" }).click();
    await manager.locator("#declare-result", { hasText: "発令しました。" }).waitFor();
    await manager.locator("#mode.level-emergency").waitFor();
    expect((await h.api("GET", "/api/v1/mode")).body).toMatchObject({ level: "emergency", incident: "earthquake" });
    await manager.close();
  });

  it("shows the manager staffing coverage as a chart, and the panels whose endpoint is not there yet as not available", async () => {
    const manager = await browser.context.newPage();
    await manager.goto(`${h.base}/console?lang=ja`);
    await manager.getByLabel("アクセストークン").fill(managerToken);
    await manager.getByRole("button", { name: "使う" }).click();
    const total = manager.locator("#staffing-chart .bar", { hasText: "充足" });
    await total.waitFor({ timeout: 150_000 }); // the planner may be busy with the declaration just made
    expect(await total.locator(".value").textContent()).toMatch(/^\d+ \/ \d+$/);
    const first = manager.locator("#shelter-table tbody tr").first();
    await first.getByRole("button", { name: /^閉鎖/ }).click();
    const shelters = manager.locator("#shelter-ops");
    // Until PUT /api/v1/shelters/{id} exists the panel says so; once it does, the row shows the new state.
    await eventually(
      async () =>
        (await shelters.locator(".unavailable:visible").count()) > 0 || (await first.locator(".status").textContent()) !== "避難所開設",
      "the shelter closed or the panel marked unavailable",
      90_000,
    );
    await manager.close();
  }, 300_000);

  it("updates the open status page without a reload: the emergency and 207 open shelters (208 opened, one closed from the console)", async () => {
    await citizen.evaluate(() => ((window as any).notReloaded = true));
    await citizen.locator("#mode.level-emergency").waitFor({ timeout: 120_000 });
    await citizen.locator("#shelters-title .count", { hasText: "207" }).waitFor({ timeout: 120_000 });
    expect(await citizen.evaluate(() => (window as any).notReloaded)).toBe(true);
    expect(await citizen.locator("#mode").textContent()).toContain("地震 緊急体制");
    const full = await (await fetch(`${h.base}/`)).text();
    expect(Buffer.byteLength(full)).toBeLessThan(200 * 1024); // every open shelter listed, still a light page
  });

  it("lists the open shelters nearest first once the visitor shares their location", async () => {
    // Kumamoto City Hall, in 中央区
    await browser.context.setGeolocation({ latitude: 32.8031, longitude: 130.7079 });
    await citizen.getByRole("button", { name: "現在地から近い順に並べる" }).click();
    const nearest = citizen.locator("#nearest-list li");
    await nearest.nth(9).waitFor();
    const distances = (await citizen.locator("#nearest-list .distance").allTextContents()).map((d) => Number(d.replace(" km", "")));
    expect(distances).toHaveLength(10);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(distances[0]).toBeLessThan(2);
  });

  it("delivers the push to the page's service worker, which shows a notification with its text and page", async () => {
    await eventually(() => h.pushService.messagesFor(device.id).length > 0, "the push for the citizen", 120_000);
    const [push] = h.pushService.messagesFor(device.id);
    const message = JSON.parse(push.text);
    expect(message.title).toBe("熊本市 地震 緊急体制");
    const { cdp, registrationId } = await serviceWorkerSession(citizen);
    // A worker that was stopped or is being updated may miss one delivery; a repeat replaces it (same tag).
    await eventually(
      async () => {
        await cdp.send("ServiceWorker.deliverPushMessage", { origin: h.base, registrationId, data: push.text });
        return eventually(async () => (await notifications(citizen)).length > 0, "the notification", 5_000).catch(() => false);
      },
      "the notification",
      90_000,
    );
    expect(await notifications(citizen)).toEqual([
      {
        title: "熊本市 地震 緊急体制",
        body: expect.stringContaining("避難所 208 か所を開設 — 中央区 48、東区 41、西区 34、南区 43、北区 42"),
        tag: message.tag,
        url: `${h.base}/status`,
      },
    ]);
  });

  it("opens offline from the service worker's copy and says how old it is", async () => {
    await citizen.evaluate(() => navigator.serviceWorker.ready);
    await eventually(() => citizen.evaluate(() => Boolean(navigator.serviceWorker.controller)), "the page controlled by its worker");
    await citizen.reload(); // through the worker, which keeps this copy
    await browser.context.setOffline(true);
    try {
      await citizen.reload();
      await citizen.locator("#freshness.offline").waitFor();
      expect(await citizen.locator("#freshness").textContent()).toMatch(
        /^オフラインです。\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 時点（\d+ 分前）の情報を表示しています。$/,
      );
      expect(await citizen.locator("#mode").textContent()).toContain("地震 緊急体制");
      expect(await citizen.locator("#shelters-title .count").textContent()).toBe("207");
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it.each([
    ["the status page", "/?lang=ja", ""],
    ["a facility page", "/facilities/lib:JP-1003025?lang=ja", ""],
    ["a service page", "/services/risai-shomei?lang=ja", ""],
    ["the console, signed in", "/console?lang=ja", "manager"],
    ["the staff page, signed in", "/staff?lang=ja", "staff"],
    ["the status page in English", "/?lang=en", ""],
  ])("shows %s at 360 px wide with no serious or critical axe violation", async (_name, path, role) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${h.base}${path}`);
    await page.waitForLoadState("load");
    if (role) {
      await page.getByLabel("アクセストークン").fill(await h.token(role as "manager" | "staff"));
      await page.getByRole("button", { name: "使う" }).click();
      await page.locator(".needs-token").first().waitFor({ state: "visible" });
      await eventually(() => page.locator(".unavailable:visible, #staffing-chart .bar").count(), "the panels filled or marked unavailable");
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it("shows the facility page a push links to, with the facility's status", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${h.base}/facilities/lib:JP-1003025?lang=ja`);
    expect(await page.locator("h1").textContent()).toBe("熊本市立図書館");
    expect(await page.locator("#facility .status").textContent()).toBe("休館");
    expect(await page.getByLabel("熊本市立図書館").isChecked()).toBe(true);
    const missing = await page.goto(`${h.base}/facilities/no-such-place`);
    expect(missing?.status()).toBe(404);
    await page.close();
  });

  it("unsubscribes for real: the subscription is gone from notify's store", async () => {
    const { id } = await citizen.evaluate(() => JSON.parse(localStorage.getItem("crisis.subscription") ?? "null"));
    const kv = await h.nc.jetstream().views.kv("push_subscriptions");
    expect(await kv.get(id)).toMatchObject({ operation: "PUT" });
    await citizen.goto(`${h.base}/?lang=ja`);
    await citizen.getByRole("button", { name: "登録を解除する" }).click();
    await citizen.locator("#subscribe-result", { hasText: "登録を解除しました。" }).waitFor();
    const entry = await kv.get(id);
    expect(entry === null || entry.operation !== "PUT").toBe(true);
    expect(await citizen.evaluate(() => localStorage.getItem("crisis.subscription"))).toBeNull();
  });

  it("shows a staff member their page with their own token (subject = their staff id), saying plainly what is not available yet", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${h.base}/staff?lang=ja`);
    // The first person of the made-up roster the embedded run plans with.
    await page.getByLabel("アクセストークン").fill(await h.token("staff", "SYN-00001"));
    await page.getByRole("button", { name: "使う" }).click();
    await page.locator("#duty").waitFor({ state: "visible" });
    await eventually(async () => {
      const duty = (await page.locator("#duty").textContent()) ?? "";
      return duty.includes("現在の担当") || duty.includes(notAvailable);
    }, "the duty panel filled or marked unavailable");
    await page.close();
  });
});
