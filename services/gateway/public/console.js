// The manager console: declare with a preview first, approvals, delivery progress, staffing
// coverage, audit log, shelters one by one. Panels whose endpoint is not there yet say so.
"use strict";
(function () {
  const desk = window.crisisDesk;
  const { words, levels, incidents } = desk.data;
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  };

  // --- declare: preview, then confirm ------------------------------------------------------
  const form = $("declare-form");
  const result = $("declare-result");
  let pending = null;

  const declaration = () => ({
    incident: form.elements.incident.value,
    level: form.elements.level.value,
    wards: Array.from(form.querySelectorAll('input[name="ward"]:checked')).map((b) => b.value),
    reason: form.elements.reason.value.trim(),
  });

  function describe(value) {
    if (value === null || typeof value !== "object") return document.createTextNode(String(value));
    if (Array.isArray(value)) return el("span", {}, `${value.length}`);
    const dl = el("dl", { class: "facts" });
    for (const [k, v] of Object.entries(value)) dl.append(el("dt", {}, k), el("dd", {}, describe(v)));
    return dl;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    pending = declaration();
    const body = $("preview-body");
    const summary = el(
      "p",
      { class: "big" },
      `${incidents[pending.incident]} ${levels[pending.level]} — ${pending.wards.length ? pending.wards.join("・") : words.allWards} — ${pending.reason}`,
    );
    body.replaceChildren(summary);
    const res = await desk.api("POST", "/api/v1/mode/preview", pending);
    if (res.ok) body.append(describe(res.body));
    else if (res.missing) body.append(el("p", {}, words.previewUnavailable));
    else {
      result.textContent = desk.problem(res);
      return;
    }
    result.textContent = "";
    $("preview").hidden = false;
    $("confirm-button").focus();
  });
  $("cancel-button").addEventListener("click", () => {
    $("preview").hidden = true;
    pending = null;
  });
  $("confirm-button").addEventListener("click", async () => {
    if (!pending) return;
    const res = await desk.api("POST", "/api/v1/mode", pending);
    $("preview").hidden = true;
    pending = null;
    if (!res.ok) {
      result.textContent = desk.problem(res);
      return;
    }
    result.textContent = `${words.declared} ${res.body.eventId || ""}`;
    refreshMode();
    loadApprovals();
    // notify names the alert of a declaration after its event (the push's tag).
    if (res.body.eventId) trackDelivery(`${res.body.eventId}.alert`);
  });

  async function refreshMode() {
    const res = await fetch(location.pathname + location.search, { cache: "no-store" });
    const fresh = new DOMParser().parseFromString(await res.text(), "text/html");
    for (const id of ["mode", "shelter-table"]) {
      const next = fresh.getElementById(id);
      if (next && $(id)) $(id).replaceWith(document.adoptNode(next));
    }
    bindShelters();
  }

  // --- approvals ------------------------------------------------------------------------
  async function loadApprovals() {
    const section = $("approvals");
    const res = await desk.api("GET", "/api/v1/approvals");
    if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
    const list = Array.isArray(res.body) ? res.body : res.body.items || res.body.approvals || [];
    $("approval-list").replaceChildren(
      ...(list.length
        ? list.map((a) => {
            const button = el("button", { type: "button" }, words.approve);
            button.addEventListener("click", async () => {
              const answer = await desk.api("POST", `/api/v1/approvals/${encodeURIComponent(a.id)}/approve`, {});
              if (!answer.ok) return desk.unavailable(section, desk.problem(answer));
              loadApprovals();
              refreshMode();
            });
            return el("li", {}, describe(a.declaration || a), button);
          })
        : [el("li", {}, words.noApprovals)]),
    );
  }

  // --- delivery progress ------------------------------------------------------------------
  let tracking = null;
  function trackDelivery(alertId) {
    clearInterval(tracking);
    let rounds = 0;
    const section = $("delivery");
    const tick = async () => {
      rounds += 1;
      const res = await desk.api("GET", `/api/v1/alerts/${encodeURIComponent(alertId)}`);
      if (res.missing) {
        clearInterval(tracking);
        return desk.unavailable(section);
      }
      if (!res.ok) return;
      const counts = res.body.counts || res.body;
      const rows = ["queued", "accepted", "gone", "failed", "expired"]
        .filter((k) => typeof counts[k] === "number")
        .map((k) => bar(k, counts[k], Math.max(1, counts.total || counts.queued || 1)));
      $("delivery-body").replaceChildren(el("p", {}, alertId), ...rows);
      if (rounds > 150) clearInterval(tracking);
    };
    tick();
    tracking = setInterval(tick, 2000);
  }

  // --- staffing coverage chart -------------------------------------------------------------
  function bar(label, value, whole) {
    const pct = Math.min(100, Math.round((100 * value) / Math.max(1, whole)));
    const fill = el("span", { class: "fill" });
    fill.style.width = `${pct}%`;
    return el(
      "div",
      { class: "bar" },
      el("span", { class: "label" }, label),
      el("span", { class: "track" }, fill),
      el("span", { class: "value" }, `${value} / ${whole}`),
    );
  }
  async function loadStaffing() {
    const section = $("staffing");
    const res = await desk.api("GET", "/api/v1/staffing/summary");
    if (!res.ok) {
      // The planner may be busy right after a declaration: ask again shortly.
      if (!res.missing) setTimeout(loadStaffing, 5000);
      return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
    }
    section.querySelector(".unavailable").hidden = true;
    const s = res.body;
    const chart = $("staffing-chart");
    chart.replaceChildren(
      el("p", {}, `${levels[s.mode.level] || s.mode.level} · ${words.staffCount} ${s.staff} · ${words.postCount} ${s.posts}`),
    );
    chart.append(bar(words.covered, s.positionsCovered, s.positionsRequired));
    for (const group of ["byWard", "bySkill"]) {
      const rows = s[group];
      if (!rows) continue;
      chart.append(el("h3", {}, group === "byWard" ? "ward" : "skill"));
      for (const [name, v] of Object.entries(rows)) chart.append(bar(v.name || name, v.covered, v.required));
    }
  }

  // --- audit log --------------------------------------------------------------------------
  const auditForm = $("audit-form");
  const auditQuery = () => {
    const q = new URLSearchParams();
    for (const name of ["from", "to", "actor", "kind"]) {
      const v = auditForm.elements[name].value.trim();
      if (v) q.set(name, name === "from" || name === "to" ? new Date(v).toISOString() : v);
    }
    return q.toString();
  };
  async function loadAudit() {
    const section = $("audit");
    const res = await desk.api("GET", `/api/v1/audit?${auditQuery()}`);
    if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
    const list = Array.isArray(res.body) ? res.body : res.body.items || res.body.entries || [];
    $("audit-table").tBodies[0].replaceChildren(
      ...list.map((e) =>
        el(
          "tr",
          {},
          el("td", {}, e.at || e.time || ""),
          el("td", {}, e.actor || ""),
          el("td", {}, e.kind || ""),
          el("td", {}, e.reason || e.why || ""),
        ),
      ),
    );
  }
  auditForm.addEventListener("submit", (event) => {
    event.preventDefault();
    loadAudit();
  });
  $("audit-csv").addEventListener("click", async () => {
    const res = await desk.api("GET", `/api/v1/audit?${auditQuery()}&format=csv`, undefined, "text/csv");
    if (!res.ok) return desk.unavailable($("audit"), res.missing ? undefined : desk.problem(res));
    const link = el("a", { href: URL.createObjectURL(new Blob([res.body], { type: "text/csv" })), download: "audit.csv" });
    document.body.append(link);
    link.click();
    link.remove();
  });

  // --- shelters one by one ----------------------------------------------------------------
  function bindShelters() {
    for (const button of document.querySelectorAll("#shelter-table button[data-state]")) {
      button.addEventListener("click", async () => {
        const row = button.closest("tr");
        const res = await desk.api("PUT", `/api/v1/shelters/${encodeURIComponent(row.dataset.id)}`, {
          state: button.dataset.state,
          reason: $("shelter-reason").value.trim() || button.dataset.state,
        });
        if (!res.ok) return desk.unavailable($("shelter-ops"), res.missing ? undefined : desk.problem(res));
        refreshMode();
      });
    }
  }

  // --- dead letters: events a consumer gave up on, until an operator re-drives them -------------
  async function loadDeadLetters() {
    const section = $("dead-letters");
    const res = await desk.api("GET", "/api/v1/dead-letters");
    if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
    const { waiting, byConsumer, letters } = res.body;
    $("dead-letter-count").textContent = waiting
      ? `${waiting} — ${Object.entries(byConsumer)
          .map(([durable, n]) => `${durable} ${n}`)
          .join("、")}`
      : words.deadLettersNone;
    $("dead-letter-list").replaceChildren(
      ...letters.map((l) => el("li", {}, `${l.parkedAt} ${l.durable} ${l.subject} (${l.attempts}): ${l.reason}`)),
    );
  }

  desk.onSignedIn(() => {
    loadApprovals();
    loadStaffing();
    loadAudit();
    loadDeadLetters();
  });
  bindShelters();
  desk.start();
})();
