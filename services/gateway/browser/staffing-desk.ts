// The staffing officer's plan review: 配置案を作成 proposes a plan; before 適用 the page shows
// coverage per ward and skill against what is required, the continuity floors and whom each keeps
// at their desk, who moves where (searchable, CSV) and the moves nothing forced. Refusals in words.
"use strict";
(function () {
  const desk = window.crisisDesk;
  const { wards } = desk.data;
  const d = desk.data.desk;
  const { el, bar, fill } = desk;
  const $ = (id) => document.getElementById(id);
  let plan = null;

  /** The API's refusal in words when there are words for its code; its own detail otherwise. */
  const refusal = (res) => (res.body && d.refusals[res.body.code]) || desk.problem(res);

  function showPlan(p) {
    plan = p;
    $("plan-title").textContent = fill(d.planSummary, {
      covered: p.positionsCovered,
      required: p.positionsRequired,
      bound: p.upperBound,
    });
    const coverage = $("plan-coverage");
    coverage.replaceChildren(el("h4", {}, d.coverageByWard));
    for (const c of p.coverage.perWard) coverage.append(bar(wards[c.key] || c.key, c.covered, c.required));
    coverage.append(el("h4", {}, d.coverageBySkill));
    for (const c of p.coverage.perSkill) coverage.append(bar(c.key || d.anySkill, c.covered, c.required));

    // The floors that bind (they hold people back) first; those with room to spare fold away.
    const binding = p.floors.filter((f) => f.margin <= 0);
    const spare = p.floors.filter((f) => f.margin > 0);
    $("plan-floors").replaceChildren(
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
    $("plan-moves").tBodies[0].replaceChildren(...p.changes.map(moveRow));
    filterMoves();
    const unforced = p.changes.filter((c) => !c.forced);
    $("plan-unforced").replaceChildren(
      ...(unforced.length
        ? unforced.map((c) =>
            el("li", { "data-staff": c.staffId }, `${c.name || c.staffId}: ${c.fromName || c.from} → ${c.toName || c.to || d.none}`),
          )
        : [el("li", {}, d.noUnforced)]),
    );
    $("plan-open-list").replaceChildren(
      ...p.openPositions.map((o) =>
        el("li", {}, `${o.postId} #${o.position}${o.skills.length ? ` (${o.skills.join("・")})` : ""}: ${o.why}`),
      ),
    );
    $("plan-open").hidden = p.openPositions.length === 0;
    $("apply-button").disabled = false;
    $("plan-review").hidden = false;
    // Read from the top: the summary first, the red 適用 last.
    $("plan-title").focus();
  }

  function floorItem(f) {
    const line = fill(d.floorLine, { name: f.departmentName || f.department, ...f });
    const item = el("li", { "data-department": f.department, "data-margin": String(f.margin) }, line);
    if (f.heldBack.length) {
      const names = el("ul", {}, ...f.heldBack.map((p) => el("li", { "data-staff": p.staffId }, `${p.name} (${p.staffId})`)));
      item.append(el("details", {}, el("summary", {}, fill(d.heldBack, { n: f.heldBack.length })), names));
    }
    return item;
  }

  const moveText = (c) => [c.name, c.staffId, c.fromName || "", c.toName || ""].join(" ").toLowerCase();
  function moveRow(c) {
    return el(
      "tr",
      { "data-staff": c.staffId, "data-forced": String(c.forced), "data-text": moveText(c) },
      el("td", {}, `${c.name || ""} (${c.staffId})`),
      el("td", {}, c.fromName || c.from || "—"),
      el("td", {}, c.toName || c.to || "—"),
    );
  }

  function filterMoves() {
    const text = $("plan-moves-search").value.trim().toLowerCase();
    const rows = Array.from($("plan-moves").tBodies[0].rows);
    let shown = 0;
    for (const row of rows) {
      row.hidden = Boolean(text) && !row.dataset.text.includes(text);
      if (!row.hidden) shown += 1;
    }
    $("plan-moves-count").textContent = rows.length ? fill(d.movesShown, { shown, all: rows.length }) : d.noMoves;
  }
  $("plan-moves-search").addEventListener("input", filterMoves);
  $("plan-moves-filter").addEventListener("submit", (event) => event.preventDefault());

  const cell = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  $("plan-moves-csv").addEventListener("click", () => {
    if (!plan) return;
    const rows = [["staff_id", "name", "from_post", "to_post", "forced", "why"]].concat(
      plan.changes.map((c) => [c.staffId, c.name, c.fromName || "", c.toName || "", c.forced ? "yes" : "no", c.why]),
    );
    // With a BOM, so that a spreadsheet opens the Japanese names as UTF-8.
    desk.download(`\ufeff${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`, `plan-${plan.id}.csv`);
  });

  $("propose-button").addEventListener("click", async () => {
    const button = $("propose-button");
    button.disabled = true;
    $("plan-result").textContent = d.proposing;
    const res = await desk.api("POST", "/api/v1/staffing/plans", {});
    button.disabled = false;
    if (!res.ok) {
      $("plan-result").textContent = refusal(res);
      return;
    }
    $("plan-result").textContent = "";
    showPlan(res.body);
  });

  $("apply-button").addEventListener("click", async () => {
    if (!plan) return;
    const button = $("apply-button");
    button.disabled = true;
    const res = await desk.api("POST", `/api/v1/staffing/plans/${encodeURIComponent(plan.id)}/apply`, {});
    if (!res.ok) {
      // A stale plan cannot be applied any more: the officer proposes again.
      $("plan-result").textContent = refusal(res);
      if (res.status !== 409 && res.status !== 404) button.disabled = false;
      return;
    }
    const a = res.body;
    $("plan-result").textContent = a.alreadyApplied
      ? d.alreadyApplied
      : fill(d.applied, { reassigned: a.reassigned, released: a.released });
  });
})();
