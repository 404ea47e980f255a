// The staffing officer's plan review: 配置案を作成 proposes a plan; before 適用 the page shows
// coverage per ward and skill against what is required, the continuity floors and whom each keeps
// at their desk, who moves where (searchable, CSV) and the moves nothing forced. Refusals in words.
import type { Coverage, FloorMargin, OpenPosition } from "@crisis/platform/contracts/staffing";
import type { z } from "zod";
import type { StaffWords } from "../src/adapters/http/page-parts/staff-words";
import type { staffingAnswers } from "../src/areas/staffing/http/schemas";
import { bar } from "./lib/bar";
import type { PageBasics } from "./lib/city-time";
import { type DeskRefusal, crisisDesk } from "./lib/crisis-desk";
import { byId, el, inBackground } from "./lib/dom";
import { download } from "./lib/download";
import { fill } from "./lib/fill";

type Proposed = z.infer<typeof staffingAnswers.staffingPlan>;
type Change = Proposed["changes"][number];
// The schema leaves these parts open; they are the staffing service's own messages, passed on as sent.
type Plan = Omit<Proposed, "coverage" | "floors" | "openPositions"> & {
  coverage: { perWard: Coverage[]; perSkill: Coverage[] };
  floors: FloorMargin[];
  openPositions: OpenPosition[];
};

const desk = crisisDesk<PageBasics & { desk: StaffWords<"desk">; wards: Record<string, string> }>();
const { wards } = desk.data;
const d = desk.data.desk;
const refusals: Partial<Record<string, string>> = d.refusals;
const planResult = (text: string) => (byId("plan-result").textContent = text);
const movesTable = byId<HTMLTableElement>("plan-moves");
const search = byId<HTMLInputElement>("plan-moves-search");
const proposeButton = byId<HTMLButtonElement>("propose-button");
const applyButton = byId<HTMLButtonElement>("apply-button");
let plan: Plan | null = null;

/** The API's refusal in words when there are words for its code; its own detail otherwise. */
function refusal(res: DeskRefusal): string {
  const code = res.body && typeof res.body === "object" ? res.body.code : undefined;
  return (code && refusals[code]) || desk.problem(res);
}

function showPlan(p: Plan) {
  plan = p;
  byId("plan-title").textContent = fill(d.planSummary, {
    covered: p.positionsCovered,
    required: p.positionsRequired,
    bound: p.upperBound,
  });
  const coverage = byId("plan-coverage");
  coverage.replaceChildren(el("h4", {}, d.coverageByWard));
  for (const c of p.coverage.perWard) coverage.append(bar(wards[c.key] || c.key, c.covered, c.required));
  coverage.append(el("h4", {}, d.coverageBySkill));
  for (const c of p.coverage.perSkill) coverage.append(bar(c.key || d.anySkill, c.covered, c.required));

  // The floors that bind (they hold people back) first; those with room to spare fold away.
  const binding = p.floors.filter((f) => f.margin <= 0);
  const spare = p.floors.filter((f) => f.margin > 0);
  byId("plan-floors").replaceChildren(
    ...(binding.length ? binding.map(floorItem) : [el("li", {}, d.noneHeldBack)]),
    ...(spare.length
      ? [
          el(
            "li",
            {},
            el(
              "details",
              {},
              el("summary", {}, fill(d.spareFloors, { n: spare.length })),
              el("ul", { class: "plain" }, ...spare.map(floorItem)),
            ),
          ),
        ]
      : []),
  );
  movesTable.tBodies[0].replaceChildren(...p.changes.map(moveRow));
  filterMoves();
  const unforced = p.changes.filter((c) => !c.forced);
  byId("plan-unforced").replaceChildren(
    ...(unforced.length
      ? unforced.map((c) =>
          el("li", { "data-staff": c.staffId }, `${c.name || c.staffId}: ${c.fromName || c.from} → ${c.toName || c.to || d.none}`),
        )
      : [el("li", {}, d.noUnforced)]),
  );
  byId("plan-open-list").replaceChildren(
    ...p.openPositions.map((o) =>
      el("li", {}, `${o.postId} #${o.position}${o.skills.length ? ` (${o.skills.join("・")})` : ""}: ${o.why}`),
    ),
  );
  byId("plan-open").hidden = p.openPositions.length === 0;
  applyButton.disabled = false;
  byId("plan-review").hidden = false;
  // Read from the top: the summary first, the red 適用 last.
  byId("plan-title").focus();
}

function floorItem(f: FloorMargin) {
  const { heldBack: _, ...figures } = f;
  const line = fill(d.floorLine, { ...figures, name: f.departmentName || f.department });
  const item = el("li", { "data-department": f.department, "data-margin": String(f.margin) }, line);
  if (f.heldBack.length) {
    const names = el("ul", {}, ...f.heldBack.map((p) => el("li", { "data-staff": p.staffId }, `${p.name} (${p.staffId})`)));
    item.append(el("details", {}, el("summary", {}, fill(d.heldBack, { n: f.heldBack.length })), names));
  }
  return item;
}

const moveText = (c: Change) => [c.name, c.staffId, c.fromName || "", c.toName || ""].join(" ").toLowerCase();
function moveRow(c: Change) {
  return el(
    "tr",
    { "data-staff": c.staffId, "data-forced": String(c.forced), "data-text": moveText(c) },
    el("td", {}, `${c.name || ""} (${c.staffId})`),
    el("td", {}, c.fromName || c.from || "—"),
    el("td", {}, c.toName || c.to || "—"),
  );
}

function filterMoves() {
  const text = search.value.trim().toLowerCase();
  const rows = Array.from(movesTable.tBodies[0].rows);
  let shown = 0;
  for (const row of rows) {
    row.hidden = Boolean(text) && !(row.dataset.text ?? "").includes(text);
    if (!row.hidden) shown += 1;
  }
  byId("plan-moves-count").textContent = rows.length ? fill(d.movesShown, { shown, all: rows.length }) : d.noMoves;
}
search.addEventListener("input", filterMoves);
byId("plan-moves-filter").addEventListener("submit", (event) => event.preventDefault());

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
byId("plan-moves-csv").addEventListener("click", () => {
  if (!plan) return;
  const rows = [["staff_id", "name", "from_post", "to_post", "forced", "why"]].concat(
    plan.changes.map((c) => [c.staffId, c.name, c.fromName || "", c.toName || "", c.forced ? "yes" : "no", c.why]),
  );
  // With a BOM, so that a spreadsheet opens the Japanese names as UTF-8.
  download(`\ufeff${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`, `plan-${plan.id}.csv`);
});

proposeButton.addEventListener(
  "click",
  inBackground(async () => {
    proposeButton.disabled = true;
    planResult(d.proposing);
    const res = await desk.api<Plan>("POST", "/api/v1/staffing/plans", {});
    proposeButton.disabled = false;
    if (!res.ok) return void planResult(refusal(res));
    planResult("");
    showPlan(res.body);
  }),
);

applyButton.addEventListener(
  "click",
  inBackground(async () => {
    if (!plan) return;
    applyButton.disabled = true;
    const res = await desk.api<z.infer<typeof staffingAnswers.planApplied>>(
      "POST",
      `/api/v1/staffing/plans/${encodeURIComponent(plan.id)}/apply`,
      {},
    );
    if (!res.ok) {
      // A stale plan cannot be applied any more: the officer proposes again.
      planResult(refusal(res));
      if (res.status !== 409 && res.status !== 404) applyButton.disabled = false;
      return;
    }
    const a = res.body;
    planResult(a.alreadyApplied ? d.alreadyApplied : fill(d.applied, { reassigned: a.reassigned, released: a.released }));
  }),
);
