/// <reference lib="dom" />
// Steps the page tests share: the system and a browser for a suite, signing in as a role, a push
// service for the page, and asking axe for serious violations.
import { readFileSync } from "node:fs";
import { BrowserSubscription } from "@crisis/platform/testing";
import { Page } from "playwright-core";
import { Harness, HarnessOptions, startHarness } from "../harness";
import { Browser, launchBrowser } from "../pages/browser";
import { Role } from "../../services/gateway/src/adapters/auth/tokens";

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Opens a console or staff page as the role, its calls carrying a bearer token as an API client's
 * would (sign-in through the provider's form is e2e/pages/sign-in.test.ts); several people at once.
 */
export async function signInAs(h: Harness, page: Page, role: Role, subject?: string) {
  await page.setExtraHTTPHeaders({ authorization: `Bearer ${await h.token(role, subject)}` });
  await page.reload();
}

/**
 * Headless Chromium has no push service of its own: the page's PushManager hands out a
 * subscription on the test push service, which decrypts what notify sends; DevTools then
 * delivers that text to the page's service worker as the browser's push service would.
 */
export const pushManagerOn = (json: BrowserSubscription["json"]) => {
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

/** Serious and critical axe violations on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v: any) => v.impact === "serious" || v.impact === "critical")
      .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`);
  });
}

/**
 * For a page suite (call it inside `describe`): the system and a fresh browser on it, started before the
 * suite's tests and closed after them; read `suite.h` and `suite.browser` inside the tests.
 */
export function systemAndBrowserForSuite({
  viewport,
  backForwardCache = false,
  harness,
  timeoutMs = 240_000,
}: { viewport?: { width: number; height: number }; backForwardCache?: boolean; harness?: HarnessOptions; timeoutMs?: number } = {}) {
  const suite = {} as { h: Harness; browser: Browser };
  beforeAll(async () => {
    suite.h = await startHarness(harness);
    suite.browser = await launchBrowser(suite.h.base, viewport, { backForwardCache });
  }, timeoutMs);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.h?.stop();
  }, 120_000);
  return suite;
}
