// The manager console: declare with a preview first, the approval queue, delivery progress of the
// current declaration's pushes, staffing coverage, acknowledgements, audit log, shelters one by one.
// Panels whose endpoint is not there yet say so.
import type { z } from "zod";
import type { StaffWords } from "../src/adapters/http/page-parts/staff-words";
import type { modeApi } from "../src/areas/mode/http/routes";
import type { alertAnswers } from "../src/areas/alerts/http/schemas";
import type { modeAnswers } from "../src/areas/mode/http/schemas";
import type { recordAnswers } from "../src/areas/records/http/schemas";
import type { shelterAnswers } from "../src/areas/shelters/http/schemas";
import type { dutyAnswers, staffingAnswers } from "../src/areas/staffing/http/schemas";
import { bar } from "./lib/bar";
import { cityTime, type PageBasics } from "./lib/city-time";
import { type DeskAnswer, type Who, crisisDesk } from "./lib/crisis-desk";
import { byId, el, inBackground } from "./lib/dom";
import { download } from "./lib/download";
import { fill } from "./lib/fill";

type Preview = z.infer<typeof modeAnswers.preview>;
type ModePreview = Preview["preview"];
type CurrentMode = z.infer<typeof modeAnswers.currentMode>;
type PendingList = z.infer<(typeof modeApi)["pending"]["answers"][200]>;
type Pending = z.infer<typeof modeAnswers.pending>;
type Closed = Pending & { closed: NonNullable<Pending["closed"]> };
type Summary = z.infer<typeof staffingAnswers.staffingSummary>;
type Coverage = z.infer<typeof dutyAnswers.coverage>;
type Acknowledgements = z.infer<typeof dutyAnswers.acknowledgements>;
type Unanswered = Acknowledgements["unanswered"][number];
type Audit = z.infer<typeof recordAnswers.audit>;
type DeadLetters = z.infer<typeof recordAnswers.deadLetters>;
/** The console's own words, as console-page.ts picks them for this script. */
type Words = Pick<
  StaffWords<"page">,
  | "declared"
  | "previewUnavailable"
  | "notAvailable"
  | "noApprovals"
  | "approve"
  | "reject"
  | "rejectReason"
  | "withdraw"
  | "rejected"
  | "withdrawn"
  | "closedAs"
  | "reasonRequired"
  | "shown"
  | "open"
  | "close"
  | "wardActionPreview"
  | "wardActionNone"
  | "approved"
  | "awaitingApproval"
  | "approverOnly"
  | "requestedBy"
  | "expires"
  | "previewFacilities"
  | "previewShelters"
  | "previewServices"
  | "previewKept"
  | "previewByWard"
  | "previewList"
  | "deliveryNone"
  | "deliveryWaiting"
  | "deliveryFor"
  | "deliveryStates"
  | "ackStates"
  | "escalated"
  | "replace"
  | "replaceReason"
  | "replacedBy"
  | "noReplacement"
  | "staffCount"
  | "postCount"
  | "covered"
  | "postsByWard"
  | "coverageByWard"
  | "coverageBySkill"
  | "anySkill"
  | "allWards"
  | "shelterChanged"
  | "deadLettersNone"
  | "occupancyNone"
>;
/** A term per name (ward, level, state…), in the page's language. */
type Terms = Record<string, string>;

const desk = crisisDesk<
  PageBasics & {
    words: Words;
    desk: StaffWords<"desk">;
    levels: Terms;
    incidents: Terms;
    wards: Terms;
    states: Terms;
    shelterStates: Terms;
  }
>();
const { words, levels, incidents, wards, states, shelterStates } = desk.data;
const tokyo = (iso: string, seconds?: boolean) => cityTime(iso, desk.data, seconds);
const wardList = (list: string[]) => (list.length ? list.map((w) => wards[w] || w).join("・") : words.allWards);
const declarationLine = (d: { incident: string | null; level: string; wards: string[]; reason: string }) =>
  `${(d.incident && incidents[d.incident]) || d.incident} ${levels[d.level] || d.level} — ${wardList(d.wards)} — ${d.reason}`;
/** A form field's value by name (a select, an input, or a group of radios). */
const fieldValue = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | RadioNodeList).value;
/** A panel's endpoint answered: its "not available" line goes. */
function available(section: HTMLElement): void {
  const note = section.querySelector<HTMLElement>(".unavailable");
  if (note) note.hidden = true;
}
let who: Who | null = null;
const can = (role: string) => Boolean(who && who.roles.includes(role));

/** What a declaration would change (facilities' ModePreview), the same for declarer and approver. */
function previewView(p: ModePreview) {
  const facilities = p.facilities;
  const opening = facilities.filter((f) => f.shelterAfter === "open" && f.shelterBefore !== f.shelterAfter);
  const facts = el(
    "dl",
    { class: "facts" },
    el("dt", {}, words.previewFacilities),
    el("dd", { class: "preview-facilities" }, String(facilities.length)),
    el("dt", {}, words.previewShelters),
    el("dd", { class: "preview-shelters" }, String(opening.length)),
    el("dt", {}, words.previewServices),
    el("dd", { class: "preview-services" }, String(p.services.length)),
  );
  const out = el("div", { class: "preview-facts" }, facts);
  const byWard = Object.entries(p.changesByWard);
  if (byWard.length) {
    out.append(el("p", {}, `${words.previewByWard}: ${byWard.map(([ward, n]) => `${wards[ward] || ward} ${n}`).join("、")}`));
  }
  if (p.kept.length) {
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
const form = byId<HTMLFormElement>("declare-form");
const result = byId("declare-result");
let pending: Pending["declaration"] | null = null;

const declaration = (): Pending["declaration"] => ({
  incident: fieldValue(form, "incident"),
  level: fieldValue(form, "level"),
  wards: Array.from(form.querySelectorAll<HTMLInputElement>('input[name="ward"]:checked')).map((b) => b.value),
  reason: fieldValue(form, "reason").trim(),
});

form.addEventListener(
  "submit",
  inBackground(async (event: SubmitEvent) => {
    event.preventDefault();
    pending = declaration();
    const body = byId("preview-body");
    body.replaceChildren(el("p", { class: "big" }, declarationLine(pending)));
    const res = await desk.api<Preview>("POST", "/api/v1/mode/preview", pending);
    if (res.ok) body.append(previewView(res.body.preview));
    else if (res.missing) body.append(el("p", {}, words.previewUnavailable));
    else {
      result.textContent = desk.problem(res);
      return;
    }
    result.textContent = "";
    byId("preview").hidden = false;
    // The heading, not the red button: a second Enter must not declare (the confirm is a deliberate step).
    byId("preview-title").focus();
  }),
);
byId("cancel-button").addEventListener("click", () => {
  byId("preview").hidden = true;
  pending = null;
});
byId("confirm-button").addEventListener(
  "click",
  inBackground(async () => {
    if (!pending) return;
    const res = await desk.api<z.infer<typeof modeAnswers.declared> | Pending>("POST", "/api/v1/mode", pending);
    byId("preview").hidden = true;
    pending = null;
    if (!res.ok) {
      result.textContent = desk.problem(res);
      return;
    }
    // 202: the city's policy wants a second person; the declaration waits in the approval queue.
    result.textContent = res.status === 202 ? words.awaitingApproval : words.declared;
    void loadApprovals();
    void followMode();
  }),
);

async function refreshPage(): Promise<void> {
  const res = await fetch(location.pathname + location.search, { cache: "no-store" });
  const fresh = new DOMParser().parseFromString(await res.text(), "text/html");
  for (const id of ["mode", "shelter-table"]) {
    const next = fresh.getElementById(id);
    const now = document.getElementById(id);
    if (next && now) now.replaceWith(document.adoptNode(next));
  }
  bindShelters();
}

// --- approval queue: the second person sees the same preview, then approves or rejects ------
// Both sides poll the same list: a rejection reaches the declarer, a withdrawal the approver.
let shownPending: string | null = null;
async function loadApprovals(): Promise<void> {
  const section = byId("approvals");
  const res = await desk.api<PendingList>("GET", "/api/v1/mode/pending");
  if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
  const list = res.body.pending;
  const closed = res.body.closed.filter((p): p is Closed => Boolean(p.closed));
  const ids = [...list, ...closed].map((p) => `${p.pendingId}:${p.closed ? p.closed.as : ""}`).join(",");
  if (ids === shownPending) return; // unchanged: keep what the reader may be looking at
  shownPending = ids;
  byId("approval-list").replaceChildren(
    ...(list.length ? list.map(approvalItem) : [el("li", {}, words.noApprovals)]),
    ...closed.map(closedItem),
  );
}
const approvalHead = (p: Pending) => [
  el("p", { class: "big" }, declarationLine(p.declaration)),
  el("p", { class: "help" }, `${words.requestedBy}: ${p.declaredBy} ${tokyo(p.requestedAt)} · ${words.expires}: ${tokyo(p.expiresAt)}`),
];
// Rejected or withdrawn: who closed it, when and why, until it would have lapsed.
function closedItem(p: Closed) {
  const c = p.closed;
  return el(
    "li",
    { "data-id": p.pendingId, "data-closed": c.as, class: "closed" },
    ...approvalHead(p),
    el("p", {}, el("strong", {}, words.closedAs[c.as] || c.as), `: ${c.by} ${tokyo(c.at)}${c.reason ? ` — ${c.reason}` : ""}`),
  );
}
function approvalItem(p: Pending) {
  const li = el("li", { "data-id": p.pendingId }, ...approvalHead(p), previewView(p.preview));
  const path = (action: string) => `/api/v1/mode/pending/${encodeURIComponent(p.pendingId)}/${action}`;
  const answered = (answer: DeskAnswer<unknown>, done: string) => {
    byId("approval-result").textContent = answer.ok ? done : desk.problem(answer);
    shownPending = null;
    void loadApprovals();
    void followMode();
  };
  const buttons = el("p", { class: "buttons" });
  if (who && who.sub === p.declaredBy) {
    // The declarer cannot approve or reject their own declaration, only take it back.
    const withdraw = el("button", { type: "button" }, words.withdraw);
    withdraw.addEventListener(
      "click",
      inBackground(async () => {
        withdraw.disabled = true;
        answered(await desk.api<Pending>("POST", path("withdraw"), {}), words.withdrawn);
      }),
    );
    buttons.append(withdraw);
    li.append(buttons);
    return li;
  }
  if (!can("approver") && !can("manager")) return li;
  const reasonId = `reject-${p.pendingId}`;
  const reason = el("input", { id: reasonId, maxlength: "500" });
  const reject = el("button", { type: "button" }, words.reject);
  reject.addEventListener(
    "click",
    inBackground(async () => {
      if (!reason.value.trim()) {
        byId("approval-result").textContent = words.reasonRequired;
        return reason.focus();
      }
      reject.disabled = true;
      answered(await desk.api<Pending>("POST", path("reject"), { reason: reason.value.trim() }), words.rejected);
    }),
  );
  li.append(el("p", {}, el("label", { for: reasonId }, words.rejectReason), " ", reason));
  if (can("approver")) {
    const approve = el("button", { type: "button", class: "danger" }, words.approve);
    approve.addEventListener(
      "click",
      inBackground(async () => {
        approve.disabled = true;
        answered(await desk.api<z.infer<typeof modeAnswers.declared>>("POST", path("approve")), words.approved);
      }),
    );
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
let modeEventId: string | null = null;
let alertId: string | null = null;
async function followMode(): Promise<void> {
  const res = await desk.api<CurrentMode>("GET", "/api/v1/mode");
  if (!res.ok || (modeSeen && res.body.eventId === modeEventId)) return;
  if (modeSeen) void refreshPage();
  modeSeen = true;
  modeEventId = res.body.eventId;
  if (modeEventId && can("manager")) {
    alertId = `${modeEventId}.alert`;
    byId("delivery-body").replaceChildren(
      el("p", {}, `${words.deliveryFor}: ${declarationLine(res.body)}`),
      el("p", {}, words.deliveryWaiting),
    );
    void loadDelivery();
  }
}
let settled = "";
const deliveryStates = ["accepted", "gone", "failed", "expired", "pending"] as const;
async function loadDelivery(): Promise<void> {
  if (!alertId) return;
  const shown = alertId;
  const res = await desk.api<z.infer<typeof alertAnswers.alertReport>>("GET", `/api/v1/alerts/${encodeURIComponent(shown)}`);
  if (shown !== alertId) return;
  if (res.missing) return desk.unavailable(byId("delivery"));
  if (!res.ok) return; // notify has not queued it yet (or no one to send to): ask again on the next tick
  const r = res.body;
  const body = byId("delivery-body");
  const rows = deliveryStates.map((k) => {
    const row = bar(words.deliveryStates[k], r[k], r.queued);
    row.dataset.state = k;
    return row;
  });
  // The first line names the declaration (followMode wrote it); the bars follow it.
  body.replaceChildren(...(body.firstChild ? [body.firstChild] : []), ...rows);
  if (r.queued > 0 && r.pending === 0) settled = shown;
}

// --- staffing coverage chart -------------------------------------------------------------
async function loadStaffing(): Promise<void> {
  const section = byId("staffing");
  const chart = byId("staffing-chart");
  // The summary is the manager's; a staffing officer sees the coverage of the plan in force.
  const res: DeskAnswer<Summary | null> = can("manager")
    ? await desk.api<Summary>("GET", "/api/v1/staffing/summary")
    : { ok: true, status: 200, body: null, missing: false };
  // The planner may be busy right after a declaration: the desk's tick asks again.
  if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
  available(section);
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
  const now = await desk.api<Coverage>("GET", "/api/v1/staffing/coverage");
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
  const byWard: Record<string, number> = {};
  for (const shelter of s.shelters) byWard[shelter.ward] = (byWard[shelter.ward] || 0) + shelter.posts;
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
const ackStates = ["acknowledged", "declined", "pending", "overdue"] as const;
async function loadAcknowledgements(): Promise<void> {
  const res = await desk.api<Acknowledgements>("GET", "/api/v1/staffing/acknowledgements");
  acksMissing = res.missing;
  if (!res.ok) return desk.unavailable(byId("acknowledgements"), res.missing ? undefined : desk.problem(res));
  available(byId("acknowledgements"));
  const a = res.body;
  const chart = byId("ack-chart");
  chart.replaceChildren(
    ...ackStates.map((k) => {
      const row = bar(words.ackStates[k], a[k], a.total);
      row.dataset.state = k;
      return row;
    }),
  );
  // Per department: how many of its notices were acknowledged.
  for (const d of a.byDepartment) chart.append(bar(d.departmentName || d.department, d.acknowledged, d.total));
  // The ten oldest: the ones to chase first; the list folds away so the console stays short.
  byId("unanswered-list").replaceChildren(...a.unanswered.slice(0, 10).map(unansweredItem));
}

// Someone silent after the reminder and the escalation: the officer puts the best replacement in.
function unansweredItem(u: Unanswered) {
  const reasonId = `replace-${u.staffId}`;
  const reason = el("input", { id: reasonId, maxlength: "500" });
  const replace = el("button", { type: "button" }, words.replace);
  const marks = [u.overdue ? words.ackStates.overdue : "", u.escalated ? words.escalated : ""].filter(Boolean).join("・");
  replace.addEventListener(
    "click",
    inBackground(async () => {
      if (!reason.value.trim()) return reason.focus();
      const res = await desk.api<z.infer<typeof dutyAnswers.replaced>>("POST", "/api/v1/staffing/replacements", {
        staffId: u.staffId,
        postId: u.postId,
        reason: reason.value.trim(),
      });
      if (!res.ok) return desk.unavailable(byId("acknowledgements"), res.missing ? undefined : desk.problem(res));
      const r = res.body.replacement;
      byId("replace-result").textContent = r ? `${u.name} → ${words.replacedBy} ${r.name}` : `${u.name}: ${words.noReplacement}`;
      void loadAcknowledgements();
    }),
  );
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
const auditForm = byId<HTMLFormElement>("audit-form");
const auditQuery = () => {
  const q = new URLSearchParams();
  for (const name of ["from", "to", "actor", "kind"]) {
    const v = fieldValue(auditForm, name).trim();
    if (v) q.set(name, name === "from" || name === "to" ? new Date(v).toISOString() : v);
  }
  return q;
};
async function loadAudit(): Promise<void> {
  const section = byId("audit");
  const res = await desk.api<Audit>("GET", `/api/v1/audit?${auditQuery().toString()}`);
  if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
  available(section);
  // Newest first: the reader looks for what just happened.
  const records = res.body.records.slice().reverse();
  byId<HTMLTableElement>("audit-table").tBodies[0].replaceChildren(
    ...records.map((r) =>
      el("tr", { "data-kind": r.kind }, el("td", {}, tokyo(r.at, true)), el("td", {}, r.actor), el("td", {}, r.kind), el("td", {}, r.why)),
    ),
  );
}
auditForm.addEventListener("submit", (event) => {
  event.preventDefault();
  void loadAudit();
});
byId("audit-csv").addEventListener(
  "click",
  inBackground(async () => {
    const q = auditQuery();
    q.set("format", "csv");
    const res = await desk.api<string>("GET", `/api/v1/audit?${q.toString()}`, undefined, "text/csv");
    if (!res.ok) return desk.unavailable(byId("audit"), res.missing ? undefined : desk.problem(res));
    download(res.body, "audit.csv");
  }),
);

// --- shelters: one by one or a whole ward, each after a confirmation ----------------------
const shelterRows = () => Array.from(document.querySelectorAll<HTMLTableRowElement>("#shelter-table tbody tr"));

/** The button for the state a shelter is already in does nothing, so it is disabled. */
function markShelter(row: HTMLTableRowElement, shelter: string | null) {
  row.dataset.shelter = shelter || "";
  for (const button of row.querySelectorAll<HTMLButtonElement>("button[data-state]")) button.disabled = button.dataset.state === shelter;
}

function filterShelters() {
  const text = byId<HTMLInputElement>("shelter-search").value.trim().toLowerCase();
  const ward = byId<HTMLSelectElement>("shelter-ward").value;
  const state = byId<HTMLSelectElement>("shelter-state").value;
  let shown = 0;
  for (const row of shelterRows()) {
    const hit =
      (!text || (row.dataset.name ?? "").toLowerCase().includes(text)) &&
      (!ward || row.dataset.ward === ward) &&
      (!state || row.dataset.shelter === state);
    row.hidden = !hit;
    if (hit) shown += 1;
  }
  byId("shelter-count").textContent = `${shown} ${words.shown}`;
}
byId("shelter-filter").addEventListener("input", filterShelters);
byId("shelter-filter").addEventListener("submit", (event) => event.preventDefault());

/** Asks before changing anything: what, which shelters, from which state to which, and why. */
function confirmShelters(rows: HTMLTableRowElement[], state: string, text: string) {
  const reason = byId<HTMLInputElement>("shelter-reason").value.trim();
  if (!reason) {
    byId("shelter-result").textContent = words.reasonRequired;
    byId("shelter-reason").focus();
    return;
  }
  byId("shelter-confirm-text").textContent = text;
  byId("shelter-confirm-reason").textContent = reason;
  const dialog = byId<HTMLDialogElement>("shelter-confirm");
  dialog.onclose = inBackground(async () => {
    if (dialog.returnValue !== "confirm") return;
    byId("shelter-result").textContent = "";
    for (const row of rows) await setShelter(row, state, reason);
    filterShelters();
  });
  dialog.returnValue = "";
  dialog.showModal();
}
byId("shelter-confirm-button").addEventListener("click", () => byId<HTMLDialogElement>("shelter-confirm").close("confirm"));
byId("shelter-cancel-button").addEventListener("click", () => byId<HTMLDialogElement>("shelter-confirm").close("cancel"));

async function setShelter(row: HTMLTableRowElement, state: string, reason: string): Promise<void> {
  const res = await desk.api<z.infer<typeof shelterAnswers.shelter>>(
    "PUT",
    `/api/v1/shelters/${encodeURIComponent(row.dataset.id ?? "")}`,
    {
      state,
      reason,
    },
  );
  if (!res.ok) {
    byId("shelter-result").textContent = `${row.dataset.name}: ${desk.problem(res)}`;
    return desk.unavailable(byId("shelter-ops"), res.missing ? undefined : desk.problem(res));
  }
  // The answer is the facility as facilities now has it; the live status follows a moment later.
  const cell = row.querySelector<HTMLElement>(".status");
  // The one reading the gateway made (readFacilityState): a closed shelter reads 閉鎖, whatever its ordinary use.
  if (cell) {
    cell.className = `status status-${res.body.reading.state}`;
    cell.textContent = states[res.body.reading.state] || res.body.reading.state;
  }
  markShelter(row, res.body.state);
  byId("shelter-result").textContent = `${row.dataset.name}: ${words.shelterChanged}`;
}

const stateName = (shelter: string | undefined) => (shelter && shelterStates[shelter]) || shelter || "—";
function bindShelters() {
  for (const button of document.querySelectorAll<HTMLButtonElement>("#shelter-table button[data-state]")) {
    button.addEventListener("click", () => {
      const row = button.closest("tr");
      const after = button.dataset.state ?? "";
      if (row) confirmShelters([row], after, `${row.dataset.name}: ${stateName(row.dataset.shelter)} → ${stateName(after)}`);
    });
  }
  filterShelters();
}
// A whole ward: the count of shelters that would change is shown before anything is sent.
for (const button of document.querySelectorAll<HTMLButtonElement>("button.ward-action")) {
  button.addEventListener("click", () => {
    const ward = byId<HTMLSelectElement>("ward-action-ward").value;
    if (!ward) return byId("ward-action-ward").focus();
    const state = button.dataset.state ?? "";
    const rows = shelterRows().filter((row) => row.dataset.ward === ward && row.dataset.shelter !== state);
    const values = { ward: wards[ward] || ward, count: rows.length, action: state === "open" ? words.open : words.close };
    if (!rows.length) {
      byId("shelter-result").textContent = fill(words.wardActionNone, values);
      return;
    }
    confirmShelters(rows, state, fill(words.wardActionPreview, values));
  });
}

// --- dead letters: events a consumer gave up on, until an operator re-drives them -------------
async function loadDeadLetters(): Promise<void> {
  const section = byId("dead-letters");
  const res = await desk.api<DeadLetters>("GET", "/api/v1/dead-letters");
  if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
  const { waiting, byConsumer, letters } = res.body;
  byId("dead-letter-count").textContent = waiting
    ? `${waiting} — ${Object.entries(byConsumer)
        .map(([durable, n]) => `${durable} ${n}`)
        .join("、")}`
    : words.deadLettersNone;
  byId("dead-letter-list").replaceChildren(
    ...letters.map((l) => el("li", {}, `${l.parkedAt} ${l.durable} ${l.subject} (${l.attempts}): ${l.reason}`)),
  );
}

// --- occupancy per ward and hour: the last 12 hours, headcount against known capacity ------
const hoursShown = 12;
const occupancyQuery = () => {
  const ward = byId<HTMLSelectElement>("occupancy-ward").value;
  return `/api/v1/shelters/history?by=hour${ward ? `&ward=${encodeURIComponent(ward)}` : ""}`;
};
async function loadOccupancy(): Promise<void> {
  const section = byId("occupancy");
  const query = occupancyQuery();
  const res = await desk.api<string>("GET", query, undefined, "text/csv");
  if (!res.ok) return desk.unavailable(section, res.missing ? undefined : desk.problem(res));
  available(section);
  // Rows: hour, ward, shelters, headcount, capacityKnown, each quoted; summed over wards per hour.
  const byHour = new Map<string, { headcount: number; capacity: number }>();
  for (const line of res.body.trim().split("\r\n").slice(1)) {
    const [hour, , , headcount, capacity] = line.split(",").map((f) => f.replace(/^"|"$/g, ""));
    const h = byHour.get(hour) || { headcount: 0, capacity: 0 };
    h.headcount += Number(headcount);
    h.capacity += Number(capacity);
    byHour.set(hour, h);
  }
  const hours = [...byHour.entries()].slice(-hoursShown);
  if (!hours.length) return byId("occupancy-chart").replaceChildren(el("p", {}, words.occupancyNone));
  byId("occupancy-chart").replaceChildren(
    ...hours.map(([hour, h]) => {
      // Unknown capacity is not guessed: the bar then shows the headcount alone.
      const row = bar(hour.slice(11, 16), h.headcount, h.capacity || h.headcount);
      const value = row.querySelector(".value");
      if (!h.capacity && value) value.textContent = `${h.headcount} / ?`;
      row.dataset.hour = hour;
      return row;
    }),
  );
}
byId("occupancy-ward").addEventListener("change", inBackground(loadOccupancy));
// A plain link would go without the signed-in token (401): fetch it with the token, then save it.
byId("occupancy-csv").addEventListener(
  "click",
  inBackground(async () => {
    const res = await desk.api<string>("GET", occupancyQuery(), undefined, "text/csv");
    if (!res.ok) return desk.unavailable(byId("occupancy"), res.missing ? undefined : desk.problem(res));
    download(res.body, "occupancy.csv");
  }),
);

let ticking: ReturnType<typeof setInterval> | undefined;
desk.onSignedIn((signedIn) => {
  who = signedIn;
  shownPending = null;
  void loadApprovals();
  void followMode();
  if (can("manager") || can("staffing_officer")) {
    void loadStaffing();
    void loadAcknowledgements();
  }
  if (can("manager")) {
    void loadAudit();
    void loadDeadLetters();
  }
  if (can("manager") || can("facility_admin")) void loadOccupancy();
  clearInterval(ticking);
  // Live enough for a desk: the queue, the mode and the pushes' progress every few seconds.
  let ticks = 0;
  ticking = setInterval(() => {
    ticks += 1;
    void loadApprovals();
    void followMode();
    const officer = can("manager") || can("staffing_officer");
    // The planner follows a declaration within a minute or so; coverage is worth a look now and then.
    if (officer && ticks % 5 === 0) void loadStaffing();
    if (officer && !acksMissing) void loadAcknowledgements();
    if (!can("manager")) return;
    if (ticks % 5 === 0) void loadOccupancy();
    if (alertId && settled !== alertId) void loadDelivery();
  }, 3000);
});
bindShelters();
