// The staff page: my current and next duty, acknowledge or decline notices (with a reason),
// release notices, and my own notices as pushes (topic staff:<my id>).
import type { z } from "zod";
import type { StaffWords } from "../src/adapters/http/page-parts/staff-words";
import type { dutyAnswers } from "../src/areas/staffing/http/schemas";
import { cityTime, type PageBasics } from "./lib/city-time";
import { type Who, crisisDesk } from "./lib/crisis-desk";
import { byId, el, inBackground } from "./lib/dom";

type Duties = z.infer<typeof dutyAnswers.duties>;
type Duty = NonNullable<Duties["current"]>;
type Notice = Duties["notices"][number];
type Answered = z.infer<typeof dutyAnswers.acknowledged> | z.infer<typeof dutyAnswers.declined>;
/** The staff page's own words, as staff-page.ts picks them for this script. */
type Words = Pick<
  StaffWords<"page">,
  | "noDuty"
  | "notAvailable"
  | "acknowledge"
  | "decline"
  | "declineReason"
  | "subscribed"
  | "subscribeFailed"
  | "currentDuty"
  | "nextDuty"
  | "noticeKinds"
  | "noticeStates"
  | "reportTo"
  | "noNotices"
  | "declined"
  | "replacement"
  | "openMap"
>;

const desk = crisisDesk<
  PageBasics & { words: Words; noticeWords: StaffWords<"desk">; wards: Record<string, string>; notice: string | null }
>();
const { words, wards } = desk.data;
const say = desk.data.noticeWords;
const tokyo = (iso: string | undefined) => cityTime(iso, desk.data);
const osm = (lat: number, lon: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;

// A duty a person can act on: where (address, map), when (local time; the post id's shift key is
// not shown), whom to report to (a named lead and a phone to call), what to bring.
function dutyView(d: Duty) {
  const where: (Node | string)[] = [d.address || wards[d.ward] || d.ward];
  if (d.latitude !== null && d.longitude !== null)
    where.push(" ", el("a", { href: osm(d.latitude, d.longitude), rel: "noopener" }, words.openMap));
  const phone = d.reportToPhone
    ? [" ", el("a", { href: `tel:${d.reportToPhone.replace(/[^\d+]/g, "")}` }, `${say.phone} ${d.reportToPhone}`)]
    : [];
  const facts = el(
    "dl",
    { class: "facts" },
    el("dt", {}, say.where),
    el("dd", { class: "where" }, ...where),
    el("dt", {}, say.when),
    el("dd", { class: "when" }, `${tokyo(d.startsAt)} – ${tokyo(d.endsAt)}`),
    el("dt", {}, words.reportTo),
    el("dd", { class: "report-to" }, d.reportTo, ...phone),
  );
  if (d.bring.length) facts.append(el("dt", {}, say.bring), el("dd", { class: "bring" }, d.bring.join("、")));
  return el("div", { class: "duty" }, el("p", { class: "big" }, `${d.facilityName} ${d.duty}`), facts);
}

let staffId: string | null = null;
let signedIn: Who | null = null;

async function load(): Promise<void> {
  const res = await desk.api<Duties>("GET", "/api/v1/staff/me/duties");
  if (!res.ok) {
    desk.unavailable(byId("duty"), res.missing ? undefined : desk.problem(res));
    desk.unavailable(byId("notices"), res.missing ? undefined : desk.problem(res));
    return;
  }
  const body = res.body;
  staffId = body.staffId;
  byId("duty-body").replaceChildren(
    el("p", {}, body.name),
    el("h3", {}, words.currentDuty),
    body.current ? dutyView(body.current) : el("p", {}, words.noDuty),
    el("h3", {}, words.nextDuty),
    body.next ? dutyView(body.next) : el("p", {}, words.noDuty),
  );
  const answerable = body.notices.filter((n) => n.kind !== "released");
  const releases = body.notices.filter((n) => n.kind === "released");
  byId("notice-list").replaceChildren(...(answerable.length ? answerable.map(noticeItem) : [el("li", {}, words.noNotices)]));
  byId("release-list").replaceChildren(...(releases.length ? releases.map(noticeItem) : [el("li", {}, words.noNotices)]));
  // Opened from a notice's push (/staff/notices/<id>): that notice first in view.
  const opened =
    desk.data.notice &&
    [...document.querySelectorAll<HTMLElement>("#notices li[data-id]")].find((li) => li.dataset.id === desk.data.notice);
  if (opened) {
    opened.classList.add("opened");
    opened.setAttribute("aria-current", "true");
    opened.scrollIntoView({ block: "center" });
  }
}

function noticeItem(n: Notice) {
  const li = el(
    "li",
    { "data-id": n.id, "data-state": n.state },
    el("p", {}, el("strong", {}, words.noticeKinds[n.kind] || n.kind), ` ${tokyo(n.sentAt)}`),
    n.duty ? dutyView(n.duty) : "",
    // A teammate's change is told in the reason: who left the post, why, and who replaces them.
    n.state === "pending" && n.reason ? el("p", { class: "reason" }, n.reason) : "",
  );
  if (n.state !== "pending") {
    const answer = `${words.noticeStates[n.state] || n.state} ${tokyo(n.answeredAt)}${n.reason ? ` — ${n.reason}` : ""}`;
    li.append(el("p", { class: "answer" }, answer));
    return li;
  }
  const reasonId = `reason-${n.id}`;
  const reason = el("input", { id: reasonId, maxlength: "300" });
  const ack = el("button", { type: "button" }, words.acknowledge);
  const decline = el("button", { type: "button" }, words.decline);
  const answer = async (path: "ack" | "decline", body: { reason?: string }) => {
    const res = await desk.api<Answered>("POST", `/api/v1/staff/me/notices/${encodeURIComponent(n.id)}/${path}`, body);
    if (!res.ok) return desk.unavailable(byId("notices"), res.missing ? undefined : desk.problem(res));
    const r = "replacement" in res.body ? res.body.replacement : null;
    byId("notice-result").textContent =
      path === "decline" ? `${words.declined}${r ? ` ${words.replacement}: ${r.name || r.staffId}` : ""}` : "";
    void load();
  };
  ack.addEventListener(
    "click",
    inBackground(() => answer("ack", {})),
  );
  decline.addEventListener("click", () => {
    // Said in words, not only by moving the focus.
    if (!reason.value.trim()) {
      byId("notice-result").textContent = say.declineNeedsReason;
      return reason.focus();
    }
    void answer("decline", { reason: reason.value.trim() });
  });
  li.append(el("p", { class: "buttons" }, ack));
  // Releases, returns and a teammate's change are only taken note of: staffing refuses to decline them.
  if (n.kind === "reassigned" || n.kind === "reminder") {
    li.append(el("p", { class: "help" }, say.ifCannotGo));
    li.append(el("p", {}, el("label", { for: reasonId }, words.declineReason), " ", reason, " ", decline));
  }
  return li;
}

byId("own-subscribe").addEventListener(
  "click",
  inBackground(async () => {
    const out = byId("own-result");
    const id = staffId || signedIn?.sub;
    const push = window.crisisPush;
    if (!push || !push.supported || !id) {
      out.textContent = words.subscribeFailed;
      return;
    }
    try {
      await push.subscribe([`staff:${id}`], desk.data.lang);
      out.textContent = words.subscribed;
    } catch (err) {
      out.textContent = `${words.subscribeFailed}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }),
);

desk.onSignedIn((who) => {
  signedIn = who;
  void load();
});
