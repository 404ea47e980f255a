import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium, headless, with nothing of its own going to the network. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh profile each time (its own service workers, caches and storage), allowed to notify.
 * Playwright turns the back/forward cache off by default; `backForwardCache` keeps it on.
 */
export async function launchBrowser(
  origin: string,
  viewport = { width: 1280, height: 900 },
  { backForwardCache = false } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "crisis-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args,
    ...(backForwardCache && { ignoreDefaultArgs: ["--disable-back-forward-cache"] }),
    viewport,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    timeout: 120_000,
  });
  await context.grantPermissions(["notifications", "geolocation"], { origin });
  context.setDefaultTimeout(60_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
