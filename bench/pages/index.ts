/**
 * `npm run bench -- pages`: Lighthouse 12.2.3 (mobile preset: a mid-range phone on a slow 4G link,
 * simulated) on the citizens' pages of a whole system on the Kumamoto data, in an earthquake
 * emergency: the status page, one shelter's page and one counter service's page. The status page
 * in normal operations is measured first, in the same run, as the baseline.
 *
 * Needs Debian's Chromium (CHROME_PATH, default /usr/bin/chromium) and Lighthouse from npm
 * (`npx lighthouse@12.2.3`, fetched on first use; LIGHTHOUSE_BIN points at another copy). PAGES_REPORTS=<dir>
 * keeps each page's full Lighthouse report there.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { eventually, startHarness } from "../../e2e/harness";

const runFile = promisify(execFile);
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";

interface Measured {
  page: string;
  url: string;
  performance: number;
  accessibility: number;
  best_practices: number;
  /** Everything the page transferred while Lighthouse watched (compressed, as sent). */
  bytes: number;
  /** The HTML, CSS and JavaScript of the first view (the budget: at most 60 KB). */
  first_view_bytes: number;
  total_blocking_time_ms: number;
  largest_contentful_paint_ms: number;
  cumulative_layout_shift: number;
  /**
   * Lighthouse's own measure of this machine's speed while it ran the page (its `benchmarkIndex`:
   * higher is faster; Lighthouse calibrates its throttling for about 1,000–1,500 on a desktop). A low
   * figure explains a low performance score on a loaded machine.
   */
  machine_speed: number;
}

interface LighthouseReport {
  environment?: { benchmarkIndex?: number };
  categories: Record<"performance" | "accessibility" | "best-practices", { score: number | null }>;
  audits: Record<
    string,
    {
      numericValue?: number;
      score: number | null;
      title: string;
      details?: {
        items?: {
          resourceType?: string;
          transferSize?: number;
          description?: string;
          url?: string;
          groupLabel?: string;
          duration?: number;
          total?: number;
        }[];
      };
    }
  >;
}

async function lighthouse(page: string, url: string): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), "crisis-lighthouse-"));
  const out = join(dir, "report.json");
  const [command, ...prefix] = process.env.LIGHTHOUSE_BIN
    ? [process.env.LIGHTHOUSE_BIN]
    : ["npx", "--yes", "--prefer-offline", "lighthouse@12.2.3"];
  const run = () =>
    runFile(
      command,
      [
        ...prefix,
        url,
        "--quiet",
        "--output=json",
        `--output-path=${out}`,
        "--only-categories=performance,accessibility,best-practices",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
    );
  try {
    // Lighthouse sometimes loses the trace of a load (NO_NAVSTART) and says to run it again: up to two more times.
    for (let attempt = 1; ; attempt++) {
      try {
        await run();
        break;
      } catch (err) {
        if (attempt === 3 || !String((err as { stderr?: unknown }).stderr).includes("NO_NAVSTART")) throw err;
        console.log(`  ${page}: Lighthouse lost the trace (NO_NAVSTART), run ${attempt + 1} of 3`);
      }
    }
    const report = JSON.parse(readFileSync(out, "utf8")) as LighthouseReport;
    const score = (name: keyof LighthouseReport["categories"]) => Math.round((report.categories[name].score ?? 0) * 100);
    const requests = report.audits["network-requests"].details?.items ?? [];
    const firstView = requests
      .filter((r) => ["Document", "Stylesheet", "Script"].includes(r.resourceType ?? ""))
      .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    if (process.env.PAGES_REPORTS) copyFileSync(out, join(process.env.PAGES_REPORTS, `${page.replace(/\W+/g, "-")}.json`));
    // Where the time and the points go, so the next fix aims at the biggest cost.
    const failing = Object.entries(report.audits)
      .filter(([, a]) => a.score !== null && a.score < 0.9 && a.numericValue === undefined)
      .map(
        ([id, a]) =>
          `${id}${id === "errors-in-console" ? ` (${(a.details?.items ?? []).map((i) => i.description ?? i.url).join("; ")})` : ""}`,
      );
    if (failing.length) console.log(`  ${page}: audits below 0.9: ${failing.join(", ")}`);
    const work = (report.audits["mainthread-work-breakdown"].details?.items ?? [])
      .slice(0, 4)
      .map((i) => `${i.groupLabel} ${Math.round(i.duration ?? 0)} ms`);
    const scripts = (report.audits["bootup-time"].details?.items ?? [])
      .slice(0, 3)
      .map((i) => `${new URL(i.url ?? "", url).pathname} ${Math.round(i.total ?? 0)} ms`);
    console.log(`  ${page}: main thread ${work.join(", ")}; scripts ${scripts.join(", ")}`);
    return {
      page,
      url,
      performance: score("performance"),
      accessibility: score("accessibility"),
      best_practices: score("best-practices"),
      bytes: Math.round(report.audits["total-byte-weight"].numericValue ?? 0),
      first_view_bytes: firstView,
      total_blocking_time_ms: Math.round(report.audits["total-blocking-time"].numericValue ?? 0),
      largest_contentful_paint_ms: Math.round(report.audits["largest-contentful-paint"].numericValue ?? 0),
      cumulative_layout_shift: Number((report.audits["cumulative-layout-shift"].numericValue ?? 0).toFixed(3)),
      machine_speed: Math.round(report.environment?.benchmarkIndex ?? 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(rows: Measured[], baseline: Measured) {
  const head = ["page", "perf", "a11y", "best", "bytes", "first view", "TBT ms", "LCP ms", "CLS", "bytes ÷ normal", "machine speed"];
  const lines = rows.map((m) => [
    m.page,
    String(m.performance),
    String(m.accessibility),
    String(m.best_practices),
    String(m.bytes),
    String(m.first_view_bytes),
    String(m.total_blocking_time_ms),
    String(m.largest_contentful_paint_ms),
    String(m.cumulative_layout_shift),
    (m.bytes / baseline.bytes).toFixed(2),
    String(m.machine_speed),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(format(head));
  for (const line of lines) console.log(format(line));
}

export async function run(): Promise<void> {
  const h = await startHarness();
  try {
    console.log(`\npages — Lighthouse 12.2.3, mobile preset, ${chromePath}, whole system on the Kumamoto data\n`);
    const baseline = await lighthouse("status (normal)", `${h.base}/?lang=ja`);

    const declared = await h.api(
      "POST",
      "/api/v1/mode",
      { incident: "earthquake", level: "emergency", wards: [], reason: "M7.1 震度6強" },
      { authorization: `Bearer ${await h.token("manager")}` },
    );
    if (declared.status !== 201) throw new Error(`declaration refused: ${JSON.stringify(declared.body)}`);
    await eventually(async () => (await h.api("GET", "/api/v1/status")).body.summary?.shelter_open === 208, "208 shelters open", 180_000);
    const shelters = (await h.api("GET", "/api/v1/shelters")).body as { shelters: { id: string; open: boolean }[] };
    const shelter = shelters.shelters.find((s) => s.open)?.id;
    const services = (await h.api("GET", "/api/v1/services")).body as { services?: { id: string }[] } | { id: string }[];
    const service = (Array.isArray(services) ? services : (services.services ?? []))[0]?.id;
    if (!shelter || !service) throw new Error("no open shelter or no counter service to measure");

    const measured = [
      baseline,
      await lighthouse("status (emergency)", `${h.base}/?lang=ja`),
      await lighthouse("shelter page", `${h.base}/facilities/${encodeURIComponent(shelter)}?lang=ja`),
      await lighthouse("service page", `${h.base}/services/${encodeURIComponent(service)}?lang=ja`),
    ];
    console.log("");
    table(measured, baseline);
    const [, ...emergency] = measured;
    console.log(
      JSON.stringify({
        bench: "pages",
        lighthouse: "12.2.3",
        preset: "mobile",
        baseline: { page: baseline.page, bytes: baseline.bytes, performance: baseline.performance, machine_speed: baseline.machine_speed },
        pages: Object.fromEntries(
          emergency.map((m) => [
            m.page,
            {
              url: m.url.replace(h.base, ""),
              bytes: m.bytes,
              first_view_bytes: m.first_view_bytes,
              performance: m.performance,
              accessibility: m.accessibility,
              best_practices: m.best_practices,
              total_blocking_time_ms: m.total_blocking_time_ms,
              largest_contentful_paint_ms: m.largest_contentful_paint_ms,
              cumulative_layout_shift: m.cumulative_layout_shift,
              machine_speed: m.machine_speed,
              ratio: Number((m.bytes / baseline.bytes).toFixed(3)),
            },
          ]),
        ),
      }),
    );
  } finally {
    await h.stop();
  }
}
