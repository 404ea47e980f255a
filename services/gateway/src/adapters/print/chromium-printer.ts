import { existsSync } from "node:fs";
import { errors } from "../../domain/errors";

/** The gateway's shipped files, by hashed URL (as the pages link them) or plain name. */
export interface PrintAssets {
  find(url: string): { type: string; body: Buffer } | undefined;
  named(name: string): { type: string; body: Buffer } | undefined;
}

/** Prints a page of ours to PDF. */
export interface PagePrinter {
  toPdf(html: string): Promise<Buffer>;
}

/** The page is loaded from this made-up origin; only it and our /assets are answered, nothing goes to the network. */
const origin = "http://print.invalid";
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"];

/**
 * Headless Chromium's print to PDF, when Chromium (CHROMIUM_PATH) and playwright-core are installed;
 * otherwise every print answers 503 PDF_UNAVAILABLE and the HTML form still works. One print at a
 * time: each starts its own browser, which is heavy, and sheets are printed a few times a day.
 */
export function chromiumPrinter(options: { chromiumPath: string; assets: PrintAssets; timeoutMs?: number }): PagePrinter {
  const timeout = options.timeoutMs ?? 60_000;
  let queue: Promise<unknown> = Promise.resolve();
  const print = async (html: string) => {
    if (!existsSync(options.chromiumPath)) throw errors.pdfUnavailable(`no Chromium at CHROMIUM_PATH (${options.chromiumPath})`);
    let playwright: typeof import("playwright-core");
    try {
      playwright = await import("playwright-core");
    } catch {
      throw errors.pdfUnavailable("playwright-core is not installed");
    }
    const browser = await playwright.chromium.launch({ executablePath: options.chromiumPath, headless: true, args, timeout });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(timeout);
      await page.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== origin) return route.abort();
        if (url.pathname === "/sheet") return route.fulfill({ contentType: "text/html; charset=utf-8", body: html });
        // The sheet links its stylesheet by hashed name: the same catalogue the gateway serves answers it.
        const asset = options.assets.find(url.pathname) ?? options.assets.named(url.pathname);
        return asset ? route.fulfill({ contentType: asset.type, body: asset.body }) : route.abort();
      });
      await page.goto(`${origin}/sheet`, { waitUntil: "load" });
      return await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    } finally {
      await browser.close();
    }
  };
  return {
    toPdf(html) {
      const printed = queue.then(() => print(html));
      queue = printed.catch(() => undefined);
      return printed;
    },
  };
}
