// The staff page: my current and next duty, acknowledge or decline notices, release notices,
// and my own notices as pushes (topic staff:<my id>).
"use strict";
(function () {
  const desk = window.crisisDesk;
  const words = desk.data.words;
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  };
  const dutyText = (d) =>
    [d.post || d.postName || d.name || "", d.facility || d.facilityName || "", d.start || d.startsAt || "", d.end || d.endsAt || ""]
      .filter(Boolean)
      .join(" · ");

  async function load() {
    const res = await desk.api("GET", "/api/v1/staff/me/duties");
    if (!res.ok) {
      desk.unavailable($("duty"), res.missing ? undefined : desk.problem(res));
      desk.unavailable($("notices"), res.missing ? undefined : desk.problem(res));
      return;
    }
    const body = res.body;
    const current = body.current || null;
    const next = body.next || null;
    $("duty-body").replaceChildren(
      el("h3", {}, words.currentDuty),
      el("p", {}, current ? dutyText(current) : words.noDuty),
      el("h3", {}, words.nextDuty),
      el("p", {}, next ? dutyText(next) : words.noDuty),
    );
    const notices = body.notices || [];
    $("notice-list").replaceChildren(...notices.filter((n) => n.kind !== "released").map(noticeItem));
    $("release-list").replaceChildren(
      ...notices.filter((n) => n.kind === "released").map((n) => el("li", {}, n.text || n.message || n.id)),
    );
  }

  function noticeItem(n) {
    const li = el("li", { "data-id": n.id }, el("p", {}, n.text || n.message || n.id));
    if (n.answer) {
      li.append(el("p", { class: "answer" }, n.answer));
      return li;
    }
    const reasonId = `reason-${n.id}`;
    const reason = el("input", { id: reasonId, maxlength: "300" });
    const ack = el("button", { type: "button" }, words.acknowledge);
    const decline = el("button", { type: "button" }, words.decline);
    const answer = async (path, body) => {
      const res = await desk.api("POST", `/api/v1/staff/me/notices/${encodeURIComponent(n.id)}/${path}`, body);
      if (!res.ok) return desk.unavailable($("notices"), res.missing ? undefined : desk.problem(res));
      load();
    };
    ack.addEventListener("click", () => answer("ack", {}));
    decline.addEventListener("click", () => {
      if (!reason.value.trim()) return reason.focus();
      answer("decline", { reason: reason.value.trim() });
    });
    li.append(el("p", { class: "buttons" }, ack, " ", el("label", { for: reasonId }, words.declineReason), " ", reason, " ", decline));
    return li;
  }

  $("own-subscribe").addEventListener("click", async () => {
    const who = desk.whoAmI;
    const out = $("own-result");
    if (!window.crisisPush || !window.crisisPush.supported || !who) {
      out.textContent = words.subscribeFailed;
      return;
    }
    try {
      await window.crisisPush.subscribe([`staff:${who.sub}`], desk.data.lang);
      out.textContent = words.subscribed;
    } catch (err) {
      out.textContent = `${words.subscribeFailed}: ${err.message}`;
    }
  });

  desk.onSignedIn((who) => {
    desk.whoAmI = who;
    load();
  });
  desk.start();
})();
