/// <reference lib="dom" />
// A resident going back to the status page gets it at once from the back/forward cache: the page
// closes its live stream when it is left (an open stream would keep it out) and opens it again,
// from the last event it saw, when it is shown again.
import { eventually } from "../harness";
import { systemAndBrowserForSuite } from "../support/pages";

jest.setTimeout(240_000);

describe("the status page and the back/forward cache", () => {
  const suite = systemAndBrowserForSuite({ backForwardCache: true });

  it("is restored from the cache when the visitor comes back, and follows the live status again", async () => {
    const page = await suite.browser.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Page.enable");
    const notUsed: unknown[] = [];
    cdp.on("Page.backForwardCacheNotUsed", (e) => notUsed.push(e));
    const streams: string[] = [];
    /** Streams the page closed (or the browser ended): the page left must hold none open. */
    let ended = 0;
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/api/v1/events") streams.push(r.url());
    });
    page.on("requestfailed", (r) => {
      if (new URL(r.url()).pathname === "/api/v1/events") ended++;
    });

    await page.goto(`${suite.h.base}/?lang=ja`);
    await eventually(() => streams.length === 1, "the page's live stream");
    // A returning visitor: the service worker already controls the page. On a first visit it may
    // claim the page while it sits in the cache, which evicts it (ServiceWorkerClaim) once.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    });
    await page.evaluate(() => {
      (window as unknown as { shownFromCache: boolean[] }).shownFromCache = [];
      window.addEventListener("pageshow", (e) => (window as unknown as { shownFromCache: boolean[] }).shownFromCache.push(e.persisted));
    });

    await page.goto(`${suite.h.base}/status?lang=en`);
    await eventually(() => streams.length === 2, "the other page's live stream");
    await eventually(() => ended === 1, "the status page's stream closed when it was left");
    // A page from the cache fires no load event: wait for the navigation alone.
    await page.goBack({ waitUntil: "commit" });

    const shown = () => page.evaluate(() => (window as unknown as { shownFromCache?: boolean[] }).shownFromCache ?? []);
    await eventually(async () => (await shown()).length > 0 || notUsed.length > 0, "the page shown again");
    expect(notUsed).toEqual([]);
    expect(await shown()).toEqual([true]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ja");
    // Shown again, the page follows the status from where it stood.
    await eventually(() => streams.length === 3, "the restored page's live stream");
    expect(new URL(streams[2]!).searchParams.get("lastEventId")).toBeTruthy();
  });
});
