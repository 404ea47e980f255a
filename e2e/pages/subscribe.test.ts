/// <reference lib="dom" />
// The subscribe panel when subscribing fails, in real Chromium: every failure in the page's own words.
import { Page } from "playwright-core";
import { systemAndBrowserForSuite } from "../support/pages";

jest.setTimeout(240_000);

describe("the subscribe panel says in plain words why subscribing failed, never the browser's text", () => {
  const suite = systemAndBrowserForSuite();

  const open = async (path: string) => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${suite.h.base}${path}`);
    await page.locator("#subscribe-form").waitFor({ state: "visible" });
    return page;
  };
  const subscribe = async (page: Page, button: string) => {
    await page.getByRole("button", { name: button }).click();
    return page.locator("#subscribe-result");
  };
  /** The panel's answer once it is no longer working on it. */
  const answer = async (page: Page) => {
    await page.waitForFunction(() => !/^(|登録しています…|Subscribing…)$/.test(document.getElementById("subscribe-result")!.textContent!));
    return page.locator("#subscribe-result").textContent();
  };

  it("says what will be sent, with checkboxes of at least 24 × 24 px", async () => {
    const page = await open("/?lang=ja");
    expect(await page.locator("#subscribe-form .help").textContent()).toContain("位置情報や氏名は送られません。");
    const sizes = await page.locator('#subscribe-form input[type="checkbox"]').evaluateAll((boxes) =>
      boxes.map((b) => {
        const r = b.getBoundingClientRect();
        return Math.min(r.width, r.height);
      }),
    );
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    await page.close();
  });

  it("explains how to allow notifications when permission is refused, in Japanese and English", async () => {
    {
      for (const [path, button, words] of [
        ["/?lang=ja", "登録する", "通知が許可されていないため"],
        ["/?lang=en", "Subscribe", "Allow notifications for this site"],
      ]) {
        const page = await open(path);
        // As a visitor who answers "Block" to the browser's question.
        await page.evaluate(() => {
          Object.defineProperty(Notification, "permission", { get: () => "default" });
          Notification.requestPermission = async () => "denied";
        });
        await subscribe(page, button);
        const text = await answer(page);
        expect(text).toContain(words);
        expect(text).not.toMatch(/permission denied|Registration failed/i);
        await page.close();
      }
    }
  });

  it("says no push service was reached when the browser's push service refuses, not the browser's text", async () => {
    const page = await open("/?lang=ja");
    // What Chromium answers when its push service cannot be reached.
    await page.evaluate(() => {
      PushManager.prototype.subscribe = async () => {
        throw new DOMException("Registration failed - push service not available", "AbortError");
      };
    });
    await subscribe(page, "登録する");
    const text = await answer(page);
    expect(text).toContain("通知の配信サービスにつながらない");
    expect(text).not.toMatch(/Registration failed|push service/i);
    await page.close();
  });

  it("gives up after 15 s with a timeout message instead of waiting forever", async () => {
    const page = await suite.browser.context.newPage();
    await page.clock.install();
    await page.addInitScript(() => {
      PushManager.prototype.subscribe = () => new Promise<PushSubscription>(() => undefined);
    });
    await page.goto(`${suite.h.base}/?lang=en`);
    await page.locator("#subscribe-form").waitFor({ state: "visible" });
    const result = await subscribe(page, "Subscribe");
    await result.filter({ hasText: "Subscribing…" }).waitFor();
    await page.clock.fastForward(16_000);
    await result.filter({ hasText: "did not finish within 15 seconds" }).waitFor();
    await page.close();
  });
});
