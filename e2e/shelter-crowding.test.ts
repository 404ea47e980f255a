import { Harness, eventually, startHarness } from "./harness";
import { Browser, launchBrowser } from "./pages/browser";

const plaza = "ref:E4310000014111"; // くまもと森都心プラザ, 西区
const furumachi = "ref:E4310000043111"; // 古町小学校, about 900 m away
const sanwa = "ref:E4310000025111"; // 三和中学校, about 2.5 km away

/**
 * A shelter fills up: its ward's subscriber gets one push (decrypted by the local push service)
 * naming the nearest shelter with room, and the status page shows the crowding levels in Chromium.
 */
describe("shelter crowding, from occupancy reports to a push that moves people", () => {
  let h: Harness;
  let browser: Browser | undefined;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await browser?.close();
    await h.stop();
  });

  it("a ward subscriber hears that くまもと森都心プラザ is full and where the nearest shelter with room is; the status page shows 満 and 空き, and a counter's wait beside its online alternative", async () => {
    const admin = { authorization: `Bearer ${await h.token("facility_admin")}` };
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const staff = { authorization: `Bearer ${await h.token("staff")}` };
    for (const id of [plaza, furumachi, sanwa]) {
      const opened = await h.api("PUT", `/api/v1/shelters/${id}`, { state: "open", reason: "地震 避難所開設" }, admin);
      expect(opened.status).toBe(200);
    }
    for (const [id, capacity] of [
      [plaza, 100],
      [furumachi, 300],
      [sanwa, 200],
    ] as const) {
      const corrected = await h.api("PATCH", `/api/v1/facilities/${id}`, { capacity, reason: "収容人数の登録" }, admin);
      expect(corrected.body).toMatchObject({ fields: ["capacity"], facility: { capacity } });
    }
    const report = (id: string, headcount: number, who = manager) =>
      h.api("POST", `/api/v1/shelters/${id}/occupancy`, { headcount, needs: { water: "short", pets: 1 } }, who);
    expect((await report(furumachi, 40)).body.shelter).toMatchObject({ level: "open", levelJa: "空き", capacity: 300 });
    expect((await report(sanwa, 20)).status).toBe(201);
    // Staff who hold no post at this shelter may not report.
    expect((await report(plaza, 1, staff)).body).toMatchObject({ status: 403, code: "NOT_ON_POST" });

    const citizen = h.pushService.subscribe();
    const subscribed = await h.api("POST", "/api/v1/subscriptions", { subscription: citizen.json, topics: ["ward:西区"], lang: "ja" });
    expect(subscribed.status).toBe(201);
    const crowdingPushes = () =>
      h.pushService
        .messagesFor(citizen.id)
        .map((m) => JSON.parse(m.text))
        .filter((m) => String(m.tag).startsWith("crowding."));

    expect((await report(plaza, 80)).body.changed).toEqual({ from: "unknown", to: "crowded" });
    const full = await report(plaza, 100);
    expect(full.body).toMatchObject({ shelter: { level: "full", levelJa: "満" }, changed: { from: "crowded", to: "full" } });
    const [push] = await eventually(() => crowdingPushes().length > 0 && crowdingPushes(), "the full-shelter push", 90_000, 200);
    expect(push.title).toBe("くまもと森都心プラザは満です");
    expect(push.body).toContain(`古町小学校（`);
    expect(push.body).toContain(`${h.base}/facilities/${encodeURIComponent(furumachi)}`);
    expect(push.body.indexOf("古町小学校")).toBeLessThan(push.body.indexOf("三和中学校"));
    expect(push.url).toBe(`${h.base}/facilities/${encodeURIComponent(furumachi)}`);

    // Reports hovering around capacity do not tell anyone again.
    await report(plaza, 98);
    await report(plaza, 101);
    const nearest = await h.api("GET", `/api/v1/shelters/nearest?lat=32.7904&lon=130.6911&limit=2`);
    expect(nearest.body.shelters.map((s: { id: string }) => s.id)).toEqual([furumachi, sanwa]);
    expect((await h.api("GET", "/api/v1/shelters/nearest?lat=north&lon=130.69")).body).toMatchObject({ status: 422, field: "lat" });

    const history = await fetch(`${h.base}/api/v1/shelters/history?ward=${encodeURIComponent("西区")}`, { headers: manager });
    const rows = (await history.text()).trim().split("\r\n").slice(1);
    // 古町, 三和, then くまもと森都心プラザ at 80, 100, 98 and 101: every report, oldest first.
    expect(rows.map((r) => r.split(",")[4])).toEqual(["40", "20", "80", "100", "98", "101"]);
    expect(rows[3]).toContain(",full,");

    // The り災証明書 counter's staff report the queue; citizens see it next to the online application.
    const waiting = await h.api("POST", "/api/v1/services/risai_home/waiting", { waiting: 12 }, admin);
    expect(waiting.body).toMatchObject({ id: "risai_home", waiting: { waiting: 12, ageSeconds: 0 } });

    browser = await launchBrowser(h.base);
    const page = await browser.context.newPage();
    await page.goto(`${h.base}/`);
    const section = page.locator("#crowding");
    await section.waitFor({ state: "visible" });
    await section.locator("#crowding-wards li", { hasText: "西区: 空き 2 / 満 1" }).waitFor();
    // Every shelter row shows its level, headcount against capacity and how old its report is.
    const plazaRow = page.locator(`#shelter-lists li[data-id="${plaza}"]`);
    expect(await plazaRow.getAttribute("data-level")).toBe("full");
    expect(await plazaRow.locator(".crowding").textContent()).toMatch(/^満 101\/100 · \d+ 分前の報告$/);
    expect(await page.locator('#shelter-lists li[data-level="open"]').count()).toBe(2);

    // 「現在地から近い順に並べる」 at くまもと森都心プラザ itself: the shelters with room first, the full one last, marked 満.
    await browser.context.setGeolocation({ latitude: 32.7904, longitude: 130.6911 });
    const asked = page.waitForRequest((r) => r.url().includes("/api/v1/shelters/nearest?"));
    await page.getByRole("button", { name: "現在地から近い順に並べる" }).click();
    await asked;
    const nearestRows = page.locator("#nearest-list li[data-id]");
    await eventually(async () => (await nearestRows.count()) === 3, "three shelters listed by distance");
    expect(await nearestRows.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id))).toEqual([furumachi, sanwa, plaza]);
    expect(await nearestRows.last().locator(".crowding").textContent()).toMatch(/^満 /);
    expect(await nearestRows.first().locator(".distance").textContent()).toMatch(/^\d+\.\d km$/);

    // Live: from here on the page may not ask for the figures again; a new report reaches it over the event stream.
    await page.locator("#services-list li").first().waitFor();
    await page.route("**/api/v1/shelters", (route) => route.abort());
    await page.route("**/api/v1/services", (route) => route.abort());
    expect((await report(furumachi, 50)).body.shelter).toMatchObject({ level: "open" });
    await page
      .locator(`#shelter-lists li[data-id="${furumachi}"] .crowding`, { hasText: /^空き 50\/300 · / })
      .waitFor({ state: "attached", timeout: 30_000 });
    expect((await h.api("POST", "/api/v1/services/risai_home/waiting", { waiting: 30 }, admin)).status).toBe(201);
    await page.locator("#services-list li", { hasText: "窓口 30 人待ち" }).waitFor({ timeout: 30_000 });
    await page.unroute("**/api/v1/shelters");
    await page.unroute("**/api/v1/services");
    const risai = page.locator("#services-list li", { hasText: "り災証明書（住家）" });
    await risai.waitFor({ state: "visible" });
    await expect(risai.locator(".waiting").textContent()).resolves.toMatch(/^窓口 30 人待ち（\d+ 分前の報告）$/);
    await expect(risai.locator(".online").textContent()).resolves.toBe("オンライン申請（マイナポータル）: 通常どおり");
    // The full shelter's own page: 満 with the report's age, and the nearest shelters with room by distance.
    await page.goto(`${h.base}/facilities/${encodeURIComponent(plaza)}?lang=ja`);
    const here = page.locator("#crowding-here");
    await expect(here.locator(".big .crowding-level").textContent()).resolves.toBe("満");
    await expect(here.locator(".counts").textContent()).resolves.toBe("101/100 人");
    await expect(here.locator("#crowding-age").textContent()).resolves.toMatch(/^\s*\d+ 分前に報告\s*$/);
    const alternatives = here.locator("#nearest-with-room li");
    await expect(alternatives.first().textContent()).resolves.toMatch(/古町小学校\s+空き\s+0\.\d km/);
    await expect(alternatives.nth(1).textContent()).resolves.toMatch(/三和中学校\s+空き\s+\d\.\d km/);
    await page.goto(`${h.base}/facilities/${encodeURIComponent(furumachi)}?lang=en`);
    await expect(page.locator("#crowding-here .crowding-level").textContent()).resolves.toBe("room available");
    await expect(page.locator("#crowding-age").textContent()).resolves.toMatch(/reported \d+ min ago/);
    expect(await page.locator("#nearest-with-room").count()).toBe(0);
    await page.goto(`${h.base}/services/risai_home?lang=ja`);
    await page.locator("#service-body .waiting", { hasText: "窓口 30 人待ち" }).waitFor({ state: "visible" });
    await expect(page.locator("#service-body .online").textContent()).resolves.toContain("マイナポータル");

    // The console charts people against known capacity per hour: 西区 now holds 50 + 20 + 101 of 300 + 200 + 100.
    const desk = await browser.context.newPage();
    await desk.setExtraHTTPHeaders({ authorization: `Bearer ${await h.token("manager")}` });
    await desk.goto(`${h.base}/console?lang=ja`);
    await desk.locator("#occupancy-chart .bar").last().waitFor({ state: "visible" });
    await desk.selectOption("#occupancy-ward", "西区");
    await eventually(async () => (await desk.locator("#occupancy-chart .bar .value").last().textContent()) === "171 / 600", "西区's bar");
    await desk.selectOption("#occupancy-ward", "中央区");
    await desk.locator("#occupancy-chart p", { hasText: "まだ報告がありません。" }).waitFor({ state: "visible" });
    expect(crowdingPushes()).toHaveLength(1);
  }, 240_000);
});
