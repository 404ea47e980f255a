/**
 * `npm run screenshots`: every page at phone and desktop width, from a real run (the four
 * services on the Kumamoto data, an earthquake emergency declared), saved in docs/screenshots.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Page } from "playwright-core";
import { repoRoot } from "../../deploy/embedded/system";
import { eventually, startHarness } from "../harness";
import { launchBrowser } from "./browser";

const out = join(repoRoot, "docs", "screenshots");
const widths = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

async function main() {
  mkdirSync(out, { recursive: true });
  const h = await startHarness();
  const browser = await launchBrowser(h.base);
  try {
    const manager = await h.token("manager");
    const declared = await h.api(
      "POST",
      "/api/v1/mode",
      { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" },
      { authorization: `Bearer ${manager}` },
    );
    if (declared.status !== 201) throw new Error(`declaration refused: ${JSON.stringify(declared.body)}`);
    await eventually(async () => (await h.api("GET", "/api/v1/status")).body.summary?.shelter_open === 208, "208 shelters open", 120_000);
    const signIn = (role: "manager" | "staff") => async (page: Page) => {
      await page.getByLabel(/アクセストークン|Access token/).fill(await h.token(role));
      await page.locator("#token-form button[type=submit]").click();
      await page.locator(".needs-token").first().waitFor({ state: "visible" });
      await page.waitForTimeout(1500); // let the panels fill in before the picture
    };
    const shots: [string, string, ((page: Page) => Promise<void>)?][] = [
      ["status", "/?lang=ja"],
      ["status-en", "/?lang=en"],
      ["facility", "/facilities/lib:JP-1003025?lang=ja"],
      ["console", "/console?lang=ja", signIn("manager")],
      ["staff", "/staff?lang=ja", signIn("staff")],
    ];
    for (const [name, path, prepare] of shots) {
      for (const [size, viewport] of Object.entries(widths)) {
        const page = await browser.context.newPage();
        await page.setViewportSize(viewport);
        await page.goto(`${h.base}${path}`);
        await page.waitForLoadState("load");
        if (prepare) await prepare(page);
        const file = join(out, `${name}-${size}.png`);
        await page.screenshot({ path: file, fullPage: size === "desktop" && name !== "status" && name !== "status-en" });
        console.log(file);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await h.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
