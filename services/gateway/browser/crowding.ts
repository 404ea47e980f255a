// Crowding of the open shelters: the sums by ward (the crowding section) and, on every shelter
// row, its level and how old its report is. The server draws them and hands the figures over in
// the page's data (GET /api/v1/shelters when it could not); then each occupancy report arrives
// over the page's event stream (status.js hands it to update()).
import type { ScriptCrowding } from "../src/adapters/http/page-parts/status-figures";
import type { ShelterCrowding, ShelterCrowdingList } from "./lib/api";
import type { CrowdingLevel, OccupancyFigure } from "./lib/crowding-script";
import { pageData } from "./lib/dom";
import { fill } from "./lib/fill";
import type { ResidentPageData } from "./lib/page-words";
import { reportAge } from "./lib/report-age";

interface Known {
  ward: string;
  open: boolean;
  level: CrowdingLevel;
  headcount: number;
  capacity: number | null;
  /** ms, or null without a report */
  reportedAt: number | null;
  stale: boolean;
}

const data = pageData<ResidentPageData & { crowding?: ScriptCrowding[] }>();
const words = data.words;
const order = ["open", "busy", "crowded", "full", "unknown"] as const;
const shelters = new Map<string, Known>();

const levelOf = (s: Known | undefined): CrowdingLevel => (!s || s.stale || !s.reportedAt ? "unknown" : s.level);
/** "満 100/100 · 5 分前の報告", or "報告なし". */
function describe(s: Known | undefined): string {
  if (!s?.reportedAt) return words.noReport;
  const level = s.stale ? words.crowding.unknown : words.crowding[s.level];
  const counts = s.capacity === null ? `${s.headcount}` : `${s.headcount}/${s.capacity}`;
  return `${level} ${counts} · ${fill(words.crowdingAge, { age: reportAge(s.reportedAt, words) })}`;
}

function renderWards() {
  const section = document.getElementById("crowding");
  if (!section) return;
  const byWard = new Map<string, Record<CrowdingLevel, number>>();
  for (const s of shelters.values()) {
    if (!s.open) continue;
    const sums = byWard.get(s.ward) ?? { open: 0, busy: 0, crowded: 0, full: 0, unknown: 0 };
    sums[levelOf(s)]++;
    byWard.set(s.ward, sums);
  }
  const known = Object.keys(words.wards);
  const wardsShown = [...known.filter((w) => byWard.has(w)), ...[...byWard.keys()].filter((w) => !known.includes(w))];
  section.querySelector("#crowding-wards")?.replaceChildren(
    ...wardsShown.map((ward) => {
      const sums = byWard.get(ward)!;
      const li = document.createElement("li");
      li.dataset.ward = ward;
      li.textContent = `${words.wards[ward] ?? ward}: ${order
        .filter((l) => sums[l] > 0)
        .map((l) => `${words.crowding[l]} ${sums[l]}`)
        .join(" / ")}`;
      return li;
    }),
  );
  section.hidden = wardsShown.length === 0;
}

/** Every shelter row on the page (ward lists and the nearest list) shows its level and report age. */
function renderRows() {
  for (const li of document.querySelectorAll<HTMLElement>("li[data-id]")) {
    const span = li.querySelector<HTMLElement>(".crowding");
    if (!span) continue;
    const s = shelters.get(li.dataset.id ?? "");
    const level = levelOf(s);
    li.dataset.level = level;
    span.dataset.level = level;
    span.textContent = describe(s);
  }
}

function render() {
  renderWards();
  renderRows();
  // The map (when open) recolours its pins.
  document.dispatchEvent(new Event("crowding-rendered"));
}

const fromApi = (s: ShelterCrowding): Known => ({
  ward: s.ward,
  open: s.open,
  level: s.level,
  headcount: s.latest ? s.latest.headcount : 0,
  capacity: s.capacity,
  reportedAt: s.latest?.reportedAt ? Date.parse(s.latest.reportedAt) : null,
  stale: Boolean(s.latest?.stale),
});

/** The page's own figures, compact: see ScriptCrowding. */
function seed(list: ScriptCrowding[]) {
  shelters.clear();
  for (const [id, ward, open, level, headcount, capacity, reportedAt, stale] of list)
    shelters.set(id, { ward, open: Boolean(open), level, headcount, capacity, reportedAt, stale: Boolean(stale) });
}

async function load() {
  const res = await fetch("/api/v1/shelters").catch(() => undefined);
  if (!res?.ok) return;
  const body = (await res.json()) as ShelterCrowdingList;
  shelters.clear();
  for (const s of body.shelters) shelters.set(s.id, fromApi(s));
  render();
}

/** One occupancy report from the event stream. */
function update(report: OccupancyFigure) {
  shelters.set(report.id, {
    ward: report.ward,
    open: true,
    level: report.level,
    headcount: report.headcount,
    capacity: report.capacity,
    reportedAt: Date.parse(report.reportedAt),
    stale: false,
  });
  render();
}

window.crisisCrowding = { load, seed, update, render, levelOf: (id) => levelOf(shelters.get(id)) };
// Already drawn by the server: nothing to draw or read at start.
if (data.crowding) seed(data.crowding);
else if (document.getElementById("crowding") || document.querySelector("li[data-id] .crowding")) void load();
// Ages move on by themselves; no request is made for that.
setInterval(renderRows, 30000);
