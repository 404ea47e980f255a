/// <reference lib="dom" />
// The status page in an earthquake emergency on the Kumamoto data: light on a phone (compressed,
// hashed files cached for good, within its budget), and a map that clusters the 208 shelters and
// colours them by crowding, with a legend, loaded only when the visitor opens it.
import { Server, createServer } from "node:http";
import { AddressInfo } from "node:net";
import { Harness, eventually, startHarness } from "../harness";
import { Browser, launchBrowser } from "./browser";
import { declare } from "../support/api";

jest.setTimeout(240_000);

const phone = { width: 360, height: 780 };
/** The emergency status page's first view (HTML, CSS and JavaScript, as sent), before map tiles. */
const budgetBytes = 60 * 1024;
/** A 1×1 PNG: every tile of the stand-in tile server. */
const tile = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==", "base64");

describe("the emergency status page: light, and a map of the shelters by crowding", () => {
  let h: Harness;
  let browser: Browser;
  let tiles: Server;
  let tilesAsked = 0;

  beforeAll(async () => {
    tiles = createServer((_req, res) => {
      tilesAsked++;
      res.writeHead(200, { "content-type": "image/png" }).end(tile);
    });
    await new Promise<void>((resolve) => tiles.listen(0, "127.0.0.1", resolve));
    const tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
    h = await startHarness({ env: { PAGES_TILE_URL: tileUrl, PAGES_TILE_ATTRIBUTION: "© OpenStreetMap contributors" } });
    browser = await launchBrowser(h.base, phone);
    await declare(h, { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" });
    await eventually(async () => (await h.api("GET", "/api/v1/status")).body.summary?.shelter_open === 208, "208 shelters open", 180_000);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
    tiles?.close();
  }, 120_000);

  it("sends the page and its files compressed, the files by hashed name cached for good, within 60 KB, and no Leaflet before the map is opened", async () => {
    const page = await browser.context.newPage();
    const response = await page.goto(`${h.base}/?lang=ja`);
    expect(["br", "gzip"]).toContain(response!.headers()["content-encoding"]);
    await page.waitForLoadState("load");
    const files = await page.evaluate(() =>
      (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
        .filter((r) => ["script", "link", "css"].includes(r.initiatorType))
        .map((r) => ({ url: new URL(r.name).pathname, bytes: r.encodedBodySize })),
    );
    const html = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).encodedBodySize);
    const total = html + files.reduce((sum, f) => sum + f.bytes, 0);
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => /leaflet|markercluster/i.test(f.url))).toEqual([]);
    expect(total).toBeLessThanOrEqual(budgetBytes);
    for (const { url } of files) {
      expect(url).toMatch(/\.[0-9a-f]{10}\.(js|css|webmanifest)$/);
      const res = await fetch(`${h.base}${url}`, { headers: { "accept-encoding": "br, gzip" } });
      expect(`${url} ${res.headers.get("cache-control")} ${res.headers.get("content-encoding")}`).toBe(
        `${url} public, max-age=31536000, immutable br`,
      );
    }
    console.log(`emergency status page, first view: ${html} B of HTML + ${total - html} B of CSS and JS = ${total} B`);
    await page.close();
  });

  it("opens the map folded under the ward lists: 208 shelters clustered, pins coloured by crowding as reports arrive, with a legend", async () => {
    const admin = { authorization: `Bearer ${await h.token("facility_admin")}` };
    const manager = { authorization: `Bearer ${await h.token("manager")}` };
    const page = await browser.context.newPage();
    await page.goto(`${h.base}/?lang=ja`);
    await page.locator("#shelter-map").waitFor({ state: "attached" });
    expect(await page.locator("#map-box").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => "L" in window)).toBe(false);

    await page.locator("#map-box summary").click();
    await page.locator("#map .leaflet-marker-icon.cluster").first().waitFor({ state: "visible", timeout: 60_000 });
    const legend = await page.locator("#map-legend li").allTextContents();
    expect(legend.map((t) => t.trim())).toEqual(["空き", "やや混雑", "混雑", "満", "不明"]);
    expect(await page.locator("#map-legend").isVisible()).toBe(true);
    // Clustered: far fewer icons than shelters, and the clusters' counts and lone pins add up to 208.
    const counts = await page.locator("#map .leaflet-marker-icon.cluster").allTextContents();
    const lone = await page.locator("#map .leaflet-marker-icon.pin").count();
    expect(counts.length + lone).toBeLessThan(100);
    expect(counts.reduce((sum, c) => sum + Number(c), 0) + lone).toBe(208);
    expect(tilesAsked).toBeGreaterThan(0);
    // No report yet: every pin and cluster reads 不明 (grey), as the legend says.
    expect(await page.locator("#map .leaflet-marker-icon:not(.level-unknown)").count()).toBe(0);

    // Reports arrive over the event stream: the open map recolours without a reload.
    const shelters = (await h.api("GET", "/api/v1/shelters")).body.shelters as { id: string; ward: string; open: boolean }[];
    const north = shelters.filter((s) => s.open && s.ward === "北区");
    expect(north.length).toBeGreaterThan(10);
    for (const s of north) {
      const corrected = await h.api(
        "PATCH",
        `/api/v1/facilities/${encodeURIComponent(s.id)}`,
        { capacity: 100, reason: "収容人数の登録" },
        admin,
      );
      expect(corrected.status).toBe(200);
      const reported = await h.api("POST", `/api/v1/shelters/${encodeURIComponent(s.id)}/occupancy`, { headcount: 100 }, manager);
      expect(reported.status).toBe(201);
    }
    await page.locator("#map .leaflet-marker-icon.level-full").first().waitFor({ state: "visible", timeout: 30_000 });
    const full = page.locator("#map .leaflet-marker-icon.level-full").first();
    expect(await full.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(139, 0, 24)");
    const legendFull = page.locator("#map-legend .pin.level-full");
    expect(await legendFull.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(139, 0, 24)");
    // The list stays the accessible primary: the ward lists say the same.
    expect(await page.locator('#shelter-lists li[data-level="full"]').count()).toBe(north.length);
    await page.close();
  });
});
