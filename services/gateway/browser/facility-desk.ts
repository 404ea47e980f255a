// The facility admin's desk beside the shelters: restrictions and capacity of any facility (each
// with a reason, ended from the same list) and the level of each counter service per channel.
"use strict";
(function () {
  const desk = window.crisisDesk;
  const { uses, serviceLevels, channels } = desk.data;
  const d = desk.data.desk;
  const { el, fill } = desk;
  const $ = (id) => document.getElementById(id);
  const can = (who, ...roles) => roles.some((r) => (who.roles || []).includes(r));

  // --- restrictions and capacity ------------------------------------------------------------
  const form = $("restrict-form");
  const facilityName = () => form.elements.facility.selectedOptions[0].textContent;

  async function loadRestrictions() {
    const id = form.elements.facility.value;
    const res = await desk.api("GET", `/api/v1/facilities/${encodeURIComponent(id)}`);
    if (!res.ok) return desk.unavailable($("restrictions"), res.missing ? undefined : desk.problem(res));
    const active = (res.body.restrictions || []).filter((r) => !r.endedAt);
    $("restriction-list").replaceChildren(
      ...(active.length ? active.map((r) => restrictionItem(id, r)) : [el("li", {}, d.noRestrictions)]),
    );
  }

  function restrictionItem(facilityId, r) {
    const end = el("button", { type: "button" }, d.endRestriction);
    end.setAttribute("aria-label", `${d.endRestriction}: ${uses[r.kind] || r.kind}`);
    end.addEventListener("click", async () => {
      end.disabled = true;
      const path = `/api/v1/facilities/${encodeURIComponent(facilityId)}/restrictions/${encodeURIComponent(r.id)}`;
      const res = await desk.api("DELETE", path);
      $("restrict-result").textContent = res.ok ? d.restrictionEnded : desk.problem(res);
      loadRestrictions();
    });
    const capacity = r.capacity ? ` (${r.capacity})` : "";
    return el("li", { "data-id": r.id }, el("strong", {}, `${uses[r.kind] || r.kind}${capacity}`), ` — ${r.reason} (${r.author}) `, end);
  }

  form.elements.facility.addEventListener("change", loadRestrictions);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const reason = form.elements.reason.value.trim();
    if (!reason) {
      $("restrict-result").textContent = d.reasonRequired;
      return form.elements.reason.focus();
    }
    const body = { kind: form.elements.kind.value, reason };
    const capacity = Number(form.elements.capacity.value);
    if (capacity > 0) body.capacity = capacity;
    const res = await desk.api("POST", `/api/v1/facilities/${encodeURIComponent(form.elements.facility.value)}/restrictions`, body);
    $("restrict-result").textContent = res.ok ? fill(d.restricted, { name: facilityName() }) : desk.problem(res);
    if (res.ok) form.elements.reason.value = "";
    loadRestrictions();
  });

  // --- counter services: one row per service and channel --------------------------------------
  async function loadCounters() {
    const res = await desk.api("GET", "/api/v1/services");
    if (!res.ok) return desk.unavailable($("counters"), res.missing ? undefined : desk.problem(res));
    const rows = [];
    for (const service of res.body.services || []) for (const c of service.channels) rows.push(counterRow(service, c));
    $("counter-table").tBodies[0].replaceChildren(...rows);
  }

  function counterRow(service, c) {
    const key = `${service.id}-${c.channel}`;
    const serviceName = desk.data.lang === "en" && service.nameEn ? service.nameEn : service.name;
    const label = `${serviceName} ${channels[c.channel] || c.channel}`;
    const level = el("select", { id: `level-${key}`, "aria-label": `${d.counterLevel}: ${label}` });
    for (const [name, words] of Object.entries(serviceLevels)) {
      const option = el("option", { value: name }, words);
      if (name === c.level) option.selected = true;
      level.append(option);
    }
    const reason = el("input", { id: `reason-${key}`, maxlength: "500", size: "14", "aria-label": `${d.counterReason}: ${label}` });
    const set = el("button", { type: "button" }, d.counterSet);
    set.addEventListener("click", async () => {
      if (!reason.value.trim()) {
        $("counter-result").textContent = d.reasonRequired;
        return reason.focus();
      }
      const path = `/api/v1/services/${encodeURIComponent(service.id)}/channels/${encodeURIComponent(c.channel)}`;
      const res = await desk.api("PUT", path, { level: level.value, reason: reason.value.trim() });
      $("counter-result").textContent = res.ok ? fill(d.counterChanged, { name: label }) : desk.problem(res);
      if (res.ok) loadCounters();
    });
    return el(
      "tr",
      { "data-service": service.id, "data-channel": c.channel },
      el("td", {}, serviceName),
      el("td", {}, channels[c.channel] || c.channel),
      el("td", {}, level),
      el("td", {}, reason, " ", set),
    );
  }

  desk.onSignedIn((who) => {
    if (!can(who, "manager", "facility_admin")) return;
    loadRestrictions();
    loadCounters();
  });
})();
