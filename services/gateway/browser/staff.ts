// The staff page: my current and next duty, acknowledge or decline notices (with a reason),
// release notices, and my own notices as pushes (topic staff:<my id>).
import { cityTime } from "./lib/city-time";
import { el } from "./lib/dom";

(function () {
  const desk = window.crisisDesk;
  const { words, wards } = desk.data;
  const say = desk.data.noticeWords;
  const $ = (id) => document.getElementById(id);
  const tokyo = (iso, seconds) => cityTime(iso, desk.data, seconds);
  const osm = (lat, lon) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  // A duty a person can act on: where (address, map), when (local time; the post id's shift key is
  // not shown), whom to report to (a named lead and a phone to call), what to bring.
  function dutyView(d) {
    const where = [d.address || wards[d.ward] || d.ward];
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
    if ((d.bring || []).length) facts.append(el("dt", {}, say.bring), el("dd", { class: "bring" }, d.bring.join("、")));
    return el("div", { class: "duty" }, el("p", { class: "big" }, `${d.facilityName} ${d.duty}`), facts);
  }
  let staffId = null;

  async function load() {
    const res = await desk.api("GET", "/api/v1/staff/me/duties");
    if (!res.ok) {
      desk.unavailable($("duty"), res.missing ? undefined : desk.problem(res));
      desk.unavailable($("notices"), res.missing ? undefined : desk.problem(res));
      return;
    }
    const body = res.body;
    staffId = body.staffId;
    $("duty-body").replaceChildren(
      el("p", {}, body.name || ""),
      el("h3", {}, words.currentDuty),
      body.current ? dutyView(body.current) : el("p", {}, words.noDuty),
      el("h3", {}, words.nextDuty),
      body.next ? dutyView(body.next) : el("p", {}, words.noDuty),
    );
    const notices = body.notices || [];
    const answerable = notices.filter((n) => n.kind !== "released");
    const releases = notices.filter((n) => n.kind === "released");
    $("notice-list").replaceChildren(...(answerable.length ? answerable.map(noticeItem) : [el("li", {}, words.noNotices)]));
    $("release-list").replaceChildren(...(releases.length ? releases.map(noticeItem) : [el("li", {}, words.noNotices)]));
    // Opened from a notice's push (/staff/notices/<id>): that notice first in view.
    const opened =
      desk.data.notice && [...document.querySelectorAll("#notices li[data-id]")].find((li) => li.dataset.id === desk.data.notice);
    if (opened) {
      opened.classList.add("opened");
      opened.setAttribute("aria-current", "true");
      opened.scrollIntoView({ block: "center" });
    }
  }

  function noticeItem(n) {
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
    const answer = async (path, body) => {
      const res = await desk.api("POST", `/api/v1/staff/me/notices/${encodeURIComponent(n.id)}/${path}`, body);
      if (!res.ok) return desk.unavailable($("notices"), res.missing ? undefined : desk.problem(res));
      const r = res.body.replacement;
      $("notice-result").textContent =
        path === "decline" ? `${words.declined}${r ? ` ${words.replacement}: ${r.name || r.staffId || r.postName || ""}` : ""}` : "";
      load();
    };
    ack.addEventListener("click", () => answer("ack", {}));
    decline.addEventListener("click", () => {
      // Said in words, not only by moving the focus.
      if (!reason.value.trim()) {
        $("notice-result").textContent = say.declineNeedsReason;
        return reason.focus();
      }
      answer("decline", { reason: reason.value.trim() });
    });
    li.append(el("p", { class: "buttons" }, ack));
    // Releases, returns and a teammate's change are only taken note of: staffing refuses to decline them.
    if (n.kind === "reassigned" || n.kind === "reminder") {
      li.append(el("p", { class: "help" }, say.ifCannotGo));
      li.append(el("p", {}, el("label", { for: reasonId }, words.declineReason), " ", reason, " ", decline));
    }
    return li;
  }

  $("own-subscribe").addEventListener("click", async () => {
    const out = $("own-result");
    const id = staffId || (desk.whoAmI && desk.whoAmI.sub);
    if (!window.crisisPush || !window.crisisPush.supported || !id) {
      out.textContent = words.subscribeFailed;
      return;
    }
    try {
      await window.crisisPush.subscribe([`staff:${id}`], desk.data.lang);
      out.textContent = words.subscribed;
    } catch (err) {
      out.textContent = `${words.subscribeFailed}: ${err.message}`;
    }
  });

  desk.onSignedIn((who) => {
    desk.whoAmI = who;
    load();
  });
})();
