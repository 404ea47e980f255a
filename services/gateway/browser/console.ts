// The manager console: declare with a preview first, the approval queue, delivery progress of the
// current declaration's pushes, staffing coverage, acknowledgements, audit log, shelters one by one.
// Panels whose endpoint is not there yet say so.
import { cityTime } from "./lib/city-time";
import { el } from "./lib/dom";
import { bar } from "./lib/bar";

(function () {
  const desk = window.crisisDesk;
  const { words, levels, incidents, wards, states } = desk.data;
  const $ = (id) => document.getElementById(id);
  const tokyo = (iso, seconds) => cityTime(iso, desk.data, seconds);
  const wardList = (list) => (list && list.length ? list.map((w) => wards[w] || w).join("・") : words.allWards);
  const declarationLine = (d) =>
    `${incidents[d.incident] || d.incident} ${levels[d.level] || d.level} — ${wardList(d.wards)} — ${d.reason}`;
  let who = null;
  const can = (role) => Boolean(who && (who.roles || []).includes(role));

  /** What a declaration would change (facilities' ModePreview), the same for declarer and approver. */
  function previewView(p) {
    const facilities = p.facilities || [];
    const opening = facilities.filter((f) => f.shelterAfter === "open" && f.shelterBefore !== f.shelterAfter);
    const facts = el(
      "dl",
      { class: "facts" },
      el("dt", {}, words.previewFacilities),
      el("dd", { class: "preview-facilities" }, String(facilities.length)),
      el("dt", {}, words.previewShelters),
      el("dd", { class: "preview-shelters" }, String(opening.length)),
      el("dt", {}, words.previewServices),
      el("dd", { class: "preview-services" }, String((p.services || []).length)),
    );
    const out = el("div", { class: "preview-facts" }, facts);
    const byWard = Object.entries(p.changesByWard || {});
    if (byWard.length) {
      out.append(el("p", {}, `${words.previewByWard}: ${byWard.map(([ward, n]) => `${wards[ward] || ward} ${n}`).join("、")}`));
    }
    if ((p.kept || []).length) {
      out.append(
        el("h4", {}, words.previewKept),
        el("ul", {}, ...p.kept.map((k) => el("li", {}, `${k.facilityName}: ${k.what} (${k.decidedBy}: ${k.reason})`))),
      );
    }
    if (facilities.length) {
      const list = el("ul", {}, ...facilities.map((f) => el("li", {}, `${f.facilityName}（${wards[f.ward] || f.ward}）${f.reason}`)));
      out.append(el("details", {}, el("summary", {}, words.previewList), list));
    }
    return out;
  }

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

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    pending = declaration();
    const body = $("preview-body");
    body.replaceChildren(el("p", { class: "big" }, declarationLine(pending)));
    const res = await desk.api("POST", "/api/v1/mode/preview", pending);
    if (res.ok) body.append(previewView(res.body.preview || {}));
    else if (res.missing) body.append(el("p", {}, words.previewUnavailable));
    else {
      result.textContent = desk.problem(res);
      return;
    }
    result.textContent = "";
    $("preview").hidden = false;
    // The heading, not the red button: a second Enter must not declare (the confirm is a deliberate step).
    $("preview-title").focus();
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
    // 202: the city's policy wants a second person; the declaration waits in the approval queue.
    result.textContent = res.status === 202 ? words.awaitingApproval : words.declared;
    loadApprovals();
    followMode();
  });

  async function refreshPage() {
    const res = await fetch(location.pathname + location.search, { cache: "no-store" });
    const fresh = new DOMParser().parseFromString(await res.text(), "text/html");
    for (const id of ["mode", "shelter-table"]) {
      const next = fresh.getElementById(id);
      if (next && $(id)) $(id).replaceWith(document.adoptNode(next));
    }
    bindShelters();
  }

  // --- approval queue: the second person sees the same preview, then approves or rejects ------
  // Both sides poll the same list: a rejection reaches the declarer, a withdrawal the approver.
  let shownPending = null;
  async function loadApprovals() {
    const section = $("approvals");
    const res = await desk.api("GET", "/api/v1/mode/pending");
    if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
    const list = res.body.pending || [];
    const closed = res.body.closed || [];
    const ids = [...list, ...closed].map((p) => `${p.pendingId}:${p.closed ? p.closed.as : ""}`).join(",");
    if (ids === shownPending) return; // unchanged: keep what the reader may be looking at
    shownPending = ids;
    $("approval-list").replaceChildren(
      ...(list.length ? list.map(approvalItem) : [el("li", {}, words.noApprovals)]),
      ...closed.map(closedItem),
    );
  }
  const approvalHead = (p) => [
    el("p", { class: "big" }, declarationLine(p.declaration)),
    el("p", { class: "help" }, `${words.requestedBy}: ${p.declaredBy} ${tokyo(p.requestedAt)} · ${words.expires}: ${tokyo(p.expiresAt)}`),
  ];
  // Rejected or withdrawn: who closed it, when and why, until it would have lapsed.
  function closedItem(p) {
    const c = p.closed;
    return el(
      "li",
      { "data-id": p.pendingId, "data-closed": c.as, class: "closed" },
      ...approvalHead(p),
      el("p", {}, el("strong", {}, words.closedAs[c.as] || c.as), `: ${c.by} ${tokyo(c.at)}${c.reason ? ` — ${c.reason}` : ""}`),
    );
  }
  function approvalItem(p) {
    const li = el("li", { "data-id": p.pendingId }, ...approvalHead(p), previewView(p.preview || {}));
    const path = (action) => `/api/v1/mode/pending/${encodeURIComponent(p.pendingId)}/${action}`;
    const answered = (answer, done) => {
      $("approval-result").textContent = answer.ok ? done : desk.problem(answer);
      shownPending = null;
      loadApprovals();
      followMode();
    };
    const buttons = el("p", { class: "buttons" });
    if (who && who.sub === p.declaredBy) {
      // The declarer cannot approve or reject their own declaration, only take it back.
      const withdraw = el("button", { type: "button" }, words.withdraw);
      withdraw.addEventListener("click", async () => {
        withdraw.disabled = true;
        answered(await desk.api("POST", path("withdraw"), {}), words.withdrawn);
      });
      buttons.append(withdraw);
      li.append(buttons);
      return li;
    }
    if (!can("approver") && !can("manager")) return li;
    const reasonId = `reject-${p.pendingId}`;
    const reason = el("input", { id: reasonId, maxlength: "500" });
    const reject = el("button", { type: "button" }, words.reject);
    reject.addEventListener("click", async () => {
      if (!reason.value.trim()) {
        $("approval-result").textContent = words.reasonRequired;
        return reason.focus();
      }
      reject.disabled = true;
      answered(await desk.api("POST", path("reject"), { reason: reason.value.trim() }), words.rejected);
    });
    li.append(el("p", {}, el("label", { for: reasonId }, words.rejectReason), " ", reason));
    if (can("approver")) {
      const approve = el("button", { type: "button", class: "danger" }, words.approve);
      approve.addEventListener("click", async () => {
        approve.disabled = true;
        answered(await desk.api("POST", path("approve")), words.approved);
      });
      buttons.append(approve, " ");
    } else {
      li.append(el("p", { class: "help" }, words.approverOnly));
    }
    buttons.append(reject);
    li.append(buttons);
    return li;
  }

  // --- delivery of the current declaration's pushes, live ------------------------------------
  // notify names the alert of a declaration after its mode event: `<eventId>.alert`.
  let modeSeen = false;
  let modeEventId = null;
  let alertId = null;
  async function followMode() {
    const res = await desk.api("GET", "/api/v1/mode");
    if (!res.ok || (modeSeen && res.body.eventId === modeEventId)) return;
    if (modeSeen) refreshPage();
    modeSeen = true;
    modeEventId = res.body.eventId;
    if (modeEventId && can("manager")) {
      alertId = `${modeEventId}.alert`;
      $("delivery-body").replaceChildren(
        el("p", {}, `${words.deliveryFor}: ${declarationLine(res.body)}`),
        el("p", {}, words.deliveryWaiting),
      );
      loadDelivery();
    }
  }
  let settled = "";
  async function loadDelivery() {
    if (!alertId) return;
    const shown = alertId;
    const res = await desk.api("GET", `/api/v1/alerts/${encodeURIComponent(shown)}`);
    if (shown !== alertId) return;
    if (res.missing) return desk.unavailable($("delivery"));
    if (!res.ok) return; // notify has not queued it yet (or no one to send to): ask again on the next tick
    const r = res.body;
    const body = $("delivery-body");
    const rows = ["accepted", "gone", "failed", "expired", "pending"].map((k) => {
      const row = bar(words.deliveryStates[k], r[k], r.queued);
      row.dataset.state = k;
      return row;
    });
    body.replaceChildren(body.firstChild, ...rows);
    if (r.queued > 0 && r.pending === 0) settled = shown;
  }

  // --- staffing coverage chart -------------------------------------------------------------
  async function loadStaffing() {
    const section = $("staffing");
    const chart = $("staffing-chart");
    // The summary is the manager's; a staffing officer sees the coverage of the plan in force.
    const res = can("manager") ? await desk.api("GET", "/api/v1/staffing/summary") : { ok: true, body: null };
    // The planner may be busy right after a declaration: the desk's tick asks again.
    if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
    section.querySelector(".unavailable").hidden = true;
    const s = res.body;
    chart.replaceChildren(
      ...(s
        ? [
            el("p", {}, `${levels[s.mode.level] || s.mode.level} · ${words.staffCount} ${s.staff} · ${words.postCount} ${s.posts}`),
            bar(words.covered, s.positionsCovered, s.positionsRequired),
          ]
        : // The officer has no summary: until a plan is in force, say where to start.
          [el("p", { class: "no-plan" }, desk.data.desk.noPlanInForce)]),
    );
    // Coverage of the plan in force by ward and skill; before any plan is applied, the posts by ward.
    const now = await desk.api("GET", "/api/v1/staffing/coverage");
    if (now.ok && now.body.planId) {
      const { perWard, perSkill } = now.body.coverage;
      for (const note of chart.querySelectorAll(".no-plan")) note.remove();
      chart.append(el("h3", {}, words.coverageByWard));
      for (const c of perWard) chart.append(bar(wards[c.key] || c.key, c.covered, c.required));
      chart.append(el("h3", {}, words.coverageBySkill));
      for (const c of perSkill) chart.append(bar(c.key || words.anySkill, c.covered, c.required));
      return;
    }
    if (!s) return;
    // Without a plan nothing is covered per ward yet: each ward's own posts are counted, not set against all wards'.
    const byWard = {};
    for (const shelter of s.shelters || []) byWard[shelter.ward] = (byWard[shelter.ward] || 0) + shelter.posts;
    if (Object.keys(byWard).length) chart.append(el("h3", {}, words.postsByWard));
    chart.append(
      el(
        "ul",
        { class: "plain" },
        ...Object.entries(byWard).map(([ward, posts]) => el("li", { "data-ward": ward }, `${wards[ward] || ward} ${posts}`)),
      ),
    );
  }

  // --- acknowledgement progress --------------------------------------------------------------
  let acksMissing = false;
  async function loadAcknowledgements() {
    const res = await desk.api("GET", "/api/v1/staffing/acknowledgements");
    acksMissing = res.missing;
    if (!res.ok) return desk.unavailable($("acknowledgements"), res.missing ? undefined : desk.problem(res));
    $("acknowledgements").querySelector(".unavailable").hidden = true;
    const a = res.body;
    const chart = $("ack-chart");
    chart.replaceChildren(
      ...["acknowledged", "declined", "pending", "overdue"].map((k) => {
        const row = bar(words.ackStates[k], a[k], a.total);
        row.dataset.state = k;
        return row;
      }),
    );
    // Per department: how many of its notices were acknowledged.
    for (const d of a.byDepartment || []) chart.append(bar(d.departmentName || d.department, d.acknowledged, d.total));
    // The ten oldest: the ones to chase first; the list folds away so the console stays short.
    $("unanswered-list").replaceChildren(...(a.unanswered || []).slice(0, 10).map(unansweredItem));
  }

  // Someone silent after the reminder and the escalation: the officer puts the best replacement in.
  function unansweredItem(u) {
    const reasonId = `replace-${u.staffId}`;
    const reason = el("input", { id: reasonId, maxlength: "500" });
    const replace = el("button", { type: "button" }, words.replace);
    const marks = [u.overdue ? words.ackStates.overdue : "", u.escalated ? words.escalated : ""].filter(Boolean).join("・");
    replace.addEventListener("click", async () => {
      if (!reason.value.trim()) return reason.focus();
      const res = await desk.api("POST", "/api/v1/staffing/replacements", {
        staffId: u.staffId,
        postId: u.postId,
        reason: reason.value.trim(),
      });
      if (!res.ok) return desk.unavailable($("acknowledgements"), res.missing ? undefined : desk.problem(res));
      const r = res.body.replacement;
      $("replace-result").textContent = r ? `${u.name} → ${words.replacedBy} ${r.name}` : `${u.name}: ${words.noReplacement}`;
      loadAcknowledgements();
    });
    return el(
      "li",
      { "data-staff": u.staffId },
      el("strong", {}, u.name),
      ` ${u.place} ${u.duty} ${tokyo(u.startsAt)}${marks ? ` (${marks})` : ""} `,
      el("label", { for: reasonId }, words.replaceReason),
      " ",
      reason,
      " ",
      replace,
    );
  }

  // --- audit log --------------------------------------------------------------------------
  const auditForm = $("audit-form");
  const auditQuery = () => {
    const q = new URLSearchParams();
    for (const name of ["from", "to", "actor", "kind"]) {
      const v = auditForm.elements[name].value.trim();
      if (v) q.set(name, name === "from" || name === "to" ? new Date(v).toISOString() : v);
    }
    return q;
  };
  async function loadAudit() {
    const section = $("audit");
    const res = await desk.api("GET", `/api/v1/audit?${auditQuery()}`);
    if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
    section.querySelector(".unavailable").hidden = true;
    // Newest first: the reader looks for what just happened.
    const records = (res.body.records || []).slice().reverse();
    $("audit-table").tBodies[0].replaceChildren(
      ...records.map((r) =>
        el(
          "tr",
          { "data-kind": r.kind },
          el("td", {}, tokyo(r.at, true)),
          el("td", {}, r.actor || ""),
          el("td", {}, r.kind || ""),
          el("td", {}, r.why || ""),
        ),
      ),
    );
  }
  auditForm.addEventListener("submit", (event) => {
    event.preventDefault();
    loadAudit();
  });
  $("audit-csv").addEventListener("click", async () => {
    const q = auditQuery();
    q.set("format", "csv");
    const res = await desk.api("GET", `/api/v1/audit?${q}`, undefined, "text/csv");
    if (!res.ok) return desk.unavailable($("audit"), res.missing ? undefined : desk.problem(res));
    download(res.body, "audit.csv");
  });
  function download(csv, name) {
    const link = el("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv" })), download: name });
    document.body.append(link);
    link.click();
    link.remove();
  }

  // --- shelters: one by one or a whole ward, each after a confirmation ----------------------
  const { shelterStates } = desk.data;
  const shelterRows = () => Array.from(document.querySelectorAll("#shelter-table tbody tr"));
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k]);

  /** The button for the state a shelter is already in does nothing, so it is disabled. */
  function markShelter(row, shelter) {
    row.dataset.shelter = shelter || "";
    for (const button of row.querySelectorAll("button[data-state]")) button.disabled = button.dataset.state === shelter;
  }

  function filterShelters() {
    const text = $("shelter-search").value.trim().toLowerCase();
    const ward = $("shelter-ward").value;
    const state = $("shelter-state").value;
    let shown = 0;
    for (const row of shelterRows()) {
      const hit =
        (!text || row.dataset.name.toLowerCase().includes(text)) &&
        (!ward || row.dataset.ward === ward) &&
        (!state || row.dataset.shelter === state);
      row.hidden = !hit;
      if (hit) shown += 1;
    }
    $("shelter-count").textContent = `${shown} ${words.shown}`;
  }
  $("shelter-filter").addEventListener("input", filterShelters);
  $("shelter-filter").addEventListener("submit", (event) => event.preventDefault());

  /** Asks before changing anything: what, which shelters, from which state to which, and why. */
  function confirmShelters(rows, state, text) {
    const reason = $("shelter-reason").value.trim();
    if (!reason) {
      $("shelter-result").textContent = words.reasonRequired;
      $("shelter-reason").focus();
      return;
    }
    $("shelter-confirm-text").textContent = text;
    $("shelter-confirm-reason").textContent = reason;
    const dialog = $("shelter-confirm");
    dialog.onclose = async () => {
      if (dialog.returnValue !== "confirm") return;
      $("shelter-result").textContent = "";
      for (const row of rows) await setShelter(row, state, reason);
      filterShelters();
    };
    dialog.returnValue = "";
    dialog.showModal();
  }
  $("shelter-confirm-button").addEventListener("click", () => $("shelter-confirm").close("confirm"));
  $("shelter-cancel-button").addEventListener("click", () => $("shelter-confirm").close("cancel"));

  async function setShelter(row, state, reason) {
    const res = await desk.api("PUT", `/api/v1/shelters/${encodeURIComponent(row.dataset.id)}`, { state, reason });
    if (!res.ok) {
      $("shelter-result").textContent = `${row.dataset.name}: ${desk.problem(res)}`;
      return desk.unavailable($("shelter-ops"), res.missing ? undefined : desk.problem(res));
    }
    // The answer is the facility as facilities now has it; the live status follows a moment later.
    const cell = row.querySelector(".status");
    // The one reading the gateway made (readFacilityState): a closed shelter reads 閉鎖, whatever its ordinary use.
    cell.className = `status status-${res.body.reading.state}`;
    cell.textContent = states[res.body.reading.state] || res.body.reading.state;
    markShelter(row, res.body.state);
    $("shelter-result").textContent = `${row.dataset.name}: ${words.shelterChanged}`;
  }

  const stateName = (shelter) => shelterStates[shelter] || shelter || "—";
  function bindShelters() {
    for (const button of document.querySelectorAll("#shelter-table button[data-state]")) {
      button.addEventListener("click", () => {
        const row = button.closest("tr");
        const after = button.dataset.state;
        confirmShelters([row], after, `${row.dataset.name}: ${stateName(row.dataset.shelter)} → ${stateName(after)}`);
      });
    }
    filterShelters();
  }
  // A whole ward: the count of shelters that would change is shown before anything is sent.
  for (const button of document.querySelectorAll("button.ward-action")) {
    button.addEventListener("click", () => {
      const ward = $("ward-action-ward").value;
      if (!ward) return $("ward-action-ward").focus();
      const state = button.dataset.state;
      const rows = shelterRows().filter((row) => row.dataset.ward === ward && row.dataset.shelter !== state);
      const values = { ward: wards[ward] || ward, count: rows.length, action: state === "open" ? words.open : words.close };
      if (!rows.length) {
        $("shelter-result").textContent = fill(words.wardActionNone, values);
        return;
      }
      confirmShelters(rows, state, fill(words.wardActionPreview, values));
    });
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

  // --- occupancy per ward and hour: the last 12 hours, headcount against known capacity ------
  const hoursShown = 12;
  const occupancyQuery = () => {
    const ward = $("occupancy-ward").value;
    return `/api/v1/shelters/history?by=hour${ward ? `&ward=${encodeURIComponent(ward)}` : ""}`;
  };
  async function loadOccupancy() {
    const section = $("occupancy");
    const query = occupancyQuery();
    const res = await desk.api("GET", query, undefined, "text/csv");
    if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
    section.querySelector(".unavailable").hidden = true;
    // Rows: hour, ward, shelters, headcount, capacityKnown, each quoted; summed over wards per hour.
    const byHour = new Map();
    for (const line of res.body.trim().split("\r\n").slice(1)) {
      const [hour, , , headcount, capacity] = line.split(",").map((f) => f.replace(/^"|"$/g, ""));
      const h = byHour.get(hour) || { headcount: 0, capacity: 0 };
      h.headcount += Number(headcount);
      h.capacity += Number(capacity);
      byHour.set(hour, h);
    }
    const hours = [...byHour.entries()].slice(-hoursShown);
    if (!hours.length) return $("occupancy-chart").replaceChildren(el("p", {}, words.occupancyNone));
    $("occupancy-chart").replaceChildren(
      ...hours.map(([hour, h]) => {
        // Unknown capacity is not guessed: the bar then shows the headcount alone.
        const row = bar(hour.slice(11, 16), h.headcount, h.capacity || h.headcount);
        if (!h.capacity) row.querySelector(".value").textContent = `${h.headcount} / ?`;
        row.dataset.hour = hour;
        return row;
      }),
    );
  }
  $("occupancy-ward").addEventListener("change", loadOccupancy);
  // A plain link would go without the signed-in token (401): fetch it with the token, then save it.
  $("occupancy-csv").addEventListener("click", async () => {
    const res = await desk.api("GET", occupancyQuery(), undefined, "text/csv");
    if (!res.ok) return desk.unavailable($("occupancy"), res.missing ? undefined : desk.problem(res));
    download(res.body, "occupancy.csv");
  });

  let ticking = null;
  desk.onSignedIn((signedIn) => {
    who = signedIn;
    shownPending = null;
    loadApprovals();
    followMode();
    if (can("manager") || can("staffing_officer")) {
      loadStaffing();
      loadAcknowledgements();
    }
    if (can("manager")) {
      loadAudit();
      loadDeadLetters();
    }
    if (can("manager") || can("facility_admin")) loadOccupancy();
    clearInterval(ticking);
    // Live enough for a desk: the queue, the mode and the pushes' progress every few seconds.
    let ticks = 0;
    ticking = setInterval(() => {
      ticks += 1;
      loadApprovals();
      followMode();
      const officer = can("manager") || can("staffing_officer");
      // The planner follows a declaration within a minute or so; coverage is worth a look now and then.
      if (officer && ticks % 5 === 0) loadStaffing();
      if (officer && !acksMissing) loadAcknowledgements();
      if (!can("manager")) return;
      if (ticks % 5 === 0) loadOccupancy();
      if (alertId && settled !== alertId) loadDelivery();
    }, 3000);
  });
  bindShelters();
})();
