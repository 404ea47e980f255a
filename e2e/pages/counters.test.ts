/// <reference lib="dom" />
// Counters in real Chromium: a citizen takes a ticket and books a time, the desk calls numbers until
// the "5 ahead" push arrives, then a pandemic emergency suspends that counter and the booking's
// holder is told, with the online alternative.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserSubscription } from "@crisis/platform/testing";
import { Page } from "playwright-core";
import { repoRoot } from "../../deploy/embedded/system";
import { Harness, eventually, startHarness } from "../harness";
import { Browser, launchBrowser } from "./browser";
import { pushManagerOn } from "../support/pages";

jest.setTimeout(240_000);

/**
 * The city's data with one more rule in the pandemic emergency's playbook: the disaster-victim
 * certificate's counter is suspended (it can be applied for online), so the declaration suspends
 * the counter the citizen queued and booked at.
 */
function dataWithSuspendingPandemic(): string {
  const dir = mkdtempSync(join(tmpdir(), "crisis-counters-data-"));
  cpSync(join(repoRoot, "data", "kumamoto"), dir, { recursive: true });
  const playbook = join(dir, "playbooks", "pandemic-emergency.yaml");
  writeFileSync(
    playbook,
    `${readFileSync(playbook, "utf8").trimEnd()}\n  - services:\n      ids: [risai_home]\n      channels: [counter]\n      level: suspended\n      reason: 窓口休止（オンライン申請をご利用ください）\n`,
  );
  return dir;
}

/** The next weekday after today, Japan time, as YYYY-MM-DD. */
function nextWeekday(): string {
  let t = Date.now() + 9 * 3_600_000;
  do t += 86_400_000;
  while ([0, 6].includes(new Date(t).getUTCDay()));
  return new Date(t).toISOString().slice(0, 10);
}

describe("counters in real Chromium: a ticket and a booking, the desk's calls, crisis mode told first", () => {
  let h: Harness;
  let browser: Browser;
  let device: BrowserSubscription;
  let citizen: Page;
  let dataDir: string;
  let counter = "";
  let ticketCode = "";
  let bookingCode = "";
  /** Set SCREENSHOTS_DIR (docs/screenshots) to keep the pictures docs/counters.md and the README show. */
  const screenshots = process.env.SCREENSHOTS_DIR;
  const keep = async (page: Page, name: string) => {
    if (screenshots) await page.screenshot({ path: join(screenshots, name), fullPage: true });
  };
  const pushes = () => h.pushService.messagesFor(device.id).map((p) => JSON.parse(p.text) as { title: string; body: string; url: string });

  beforeAll(async () => {
    dataDir = dataWithSuspendingPandemic();
    h = await startHarness({ env: { FACILITIES_DATA_DIR: dataDir } });
    browser = await launchBrowser(h.base);
    device = h.pushService.subscribe();
    await browser.context.addInitScript(pushManagerOn, device.json);
    if (screenshots) mkdirSync(screenshots, { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it("takes a ticket from the service's page, 8 people ahead, and follows it on this device", async () => {
    citizen = await browser.context.newPage();
    await citizen.goto(`${h.base}/services/risai_home`);
    await citizen.locator("#ticket-link").click();
    const first = citizen.locator("button.take-ticket").first();
    counter = (await first.getAttribute("data-counter"))!;
    // Eight others took numbers first (at the counter's ticket machine).
    for (let i = 0; i < 8; i++) expect((await h.api("POST", `/api/v1/counters/${counter}/tickets`)).status).toBe(201);
    await first.click();
    await citizen.waitForURL(/\/tickets\/[A-Z0-9]{8}$/);
    ticketCode = citizen.url().split("/").pop()!;
    expect(await citizen.locator("#ticket-number").textContent()).toBe("9");
    expect(await citizen.locator("#ticket-ahead").textContent()).toBe("8人");
    expect(await citizen.locator(".qr svg").count()).toBe(1);
    await citizen.locator("#follow-ticket").click();
    await citizen.locator("#ticket-status", { hasText: "この端末に通知します。" }).waitFor();
    await keep(citizen, "ticket-desktop.png");
  });

  it("books a time without an account, gets a code and follows the booking on the same device", async () => {
    await citizen.goto(`${h.base}/services/risai_home`);
    await citizen.locator("#book-link").click();
    await citizen.locator('input[name="date"]').fill(nextWeekday());
    await citizen.getByRole("button", { name: "表示" }).click();
    await keep(citizen, "book-desktop.png");
    await citizen.locator("button.slot:not([disabled])").first().click();
    await citizen.waitForURL(/\/bookings\/[A-Z0-9]{8}$/);
    bookingCode = (await citizen.locator("#booking-code").textContent())!;
    expect(citizen.url()).toContain(bookingCode);
    expect(await citizen.locator("#booking-state").textContent()).toBe("予約済み");
    await citizen.locator("#follow-booking").click();
    await citizen.locator("#booking-status", { hasText: "この端末に通知します。" }).waitFor();
    const record = await citizen.evaluate(() => JSON.parse(localStorage.getItem("crisis.subscription") ?? "null"));
    expect(record.topics).toEqual([`ticket:${ticketCode}`, `booking:${bookingCode}`]);
    await keep(citizen, "booking-desktop.png");
  });

  it("shows the booking in Vietnamese on a phone, with the eight-language menu, and back in Japanese", async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(`${h.base}/bookings/${bookingCode}?lang=vi`);
    expect(await phone.locator("html").getAttribute("lang")).toBe("vi");
    expect(await phone.locator("#booking-state").textContent()).toBe("Đã đặt");
    expect(await phone.locator("#booking-time").textContent()).toMatch(/^\d\d:\d\d–\d\d:\d\d \d\d\/\d\d\/\d{4} JST$/);
    expect(await phone.locator("nav.languages a.lang").count()).toBe(8);
    await keep(phone, "booking-vi-phone.png");
    // The choice is remembered in a cookie: the citizen's own pages go on in Japanese.
    await phone.goto(`${h.base}/bookings/${bookingCode}?lang=ja`);
    await phone.close();
  });

  it("calls numbers from the desk page until the '5 ahead' push arrives, decrypted", async () => {
    const desk = await browser.context.newPage();
    await desk.setExtraHTTPHeaders({ authorization: `Bearer ${await h.token("facility_admin")}` });
    await desk.goto(`${h.base}/desk/${counter}`);
    const near = () => pushes().find((p) => p.body.includes("あと5人"));
    let calls = 0;
    while (!near()) {
      expect(calls).toBeLessThan(3);
      await desk.locator("#call-next").click();
      calls++;
      await desk.locator("#desk-serving", { hasText: new RegExp(`^${calls}$`) }).waitFor();
      if (calls === 3) await eventually(() => Boolean(near()), "the push when 5 are ahead", 60_000);
    }
    // Numbers 1–3 called: 4–8 are ahead of number 9.
    expect(calls).toBe(3);
    expect(near()).toMatchObject({ title: "熊本市 順番が近づきました", url: expect.stringContaining(`/tickets/${ticketCode}`) });
    expect(near()!.body).toContain("整理券9番");
    expect(await desk.locator("#desk-waiting").textContent()).toBe("6");
    await keep(desk, "desk-desktop.png");
    await desk.close();
  });

  it("declares a pandemic emergency that suspends the counter: the booking's push names the online alternative, and so does its page", async () => {
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const declared = await h.api("POST", "/api/v1/mode", { incident: "pandemic", level: "emergency", reason: "感染拡大" }, manager);
    expect([200, 201]).toContain(declared.status);
    await eventually(() => pushes().some((p) => p.title === "熊本市 窓口予約の取消"), "the booking's push", 120_000);
    const booking = pushes().filter((p) => p.url.endsWith(`/bookings/${bookingCode}`));
    expect(booking).toHaveLength(1);
    expect(booking[0].body).toContain("マイナポータルで申請できます");
    await eventually(() => pushes().some((p) => p.title === "熊本市 整理券の取消"), "the ticket's push", 60_000);

    await citizen.goto(`${h.base}/bookings/${bookingCode}`);
    expect(await citizen.locator("#booking-state").textContent()).toBe("キャンセル済み");
    expect(await citizen.locator("#booking-alternatives").textContent()).toContain("マイナポータルで申請できます");
    expect(await citizen.locator("#cancel-booking").count()).toBe(0);
    await keep(citizen, "booking-cancelled-desktop.png");
    // Staff see that day's list with the change.
    const desk = await browser.context.newPage();
    await desk.setExtraHTTPHeaders({ authorization: `Bearer ${await h.token("facility_admin")}` });
    await desk.goto(`${h.base}/desk/${counter}?date=${nextWeekday()}`);
    const row = desk.locator(`#day-bookings-table tr[data-code="${bookingCode}"]`);
    expect(await row.textContent()).toContain("危機対応のため取り消されました");
    await keep(desk, "desk-suspended-desktop.png");
    await desk.close();
    // No more tickets at the suspended counter: its own problem code.
    const refused = await h.api("POST", `/api/v1/counters/${counter}/tickets`);
    expect(refused.body).toMatchObject({ status: 409, code: "COUNTER_SUSPENDED" });
  });
});
