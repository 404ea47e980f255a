// Crowding of the open shelters: the sums by ward (the crowding section) and, on every shelter
// row, its level and how old its report is. The server draws them and hands the figures over in
// the page's data (GET /api/v1/shelters when it could not); then each occupancy report arrives
// over the page's event stream (status.js hands it to update()).
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const words = data.words;
  const order = ["open", "busy", "crowded", "full", "unknown"];
  /** id → { ward, open, level, headcount, capacity, reportedAt (ms) or null, stale } */
  const shelters = new Map();

  const levelOf = (s) => (!s || s.stale || !s.reportedAt ? "unknown" : s.level);
  /** "25 分", or from an hour on "59 時間 57 分", as the server draws it. */
  const age = (at) => {
    const n = Math.max(0, Math.floor((Date.now() - at) / 60000));
    if (n < 60) return words.minutesTemplate.replace("{n}", String(n));
    return words.hoursMinutesTemplate.replace("{h}", String(Math.floor(n / 60))).replace("{m}", String(n % 60));
  };
  /** "満 100/100 · 5 分前の報告", or "報告なし". */
  function describe(s) {
    if (!s || !s.reportedAt) return words.noReport;
    const level = s.stale ? words.crowding.unknown : words.crowding[s.level];
    const counts = s.capacity === null ? `${s.headcount}` : `${s.headcount}/${s.capacity}`;
    return `${level} ${counts} · ${words.crowdingAge.replace("{age}", age(s.reportedAt))}`;
  }

  function renderWards() {
    const section = document.getElementById("crowding");
    if (!section) return;
    const byWard = new Map();
    for (const s of shelters.values()) {
      if (!s.open) continue;
      const sums = byWard.get(s.ward) || Object.fromEntries(order.map((l) => [l, 0]));
      sums[levelOf(s)]++;
      byWard.set(s.ward, sums);
    }
    const known = Object.keys(words.wards);
    const wardsShown = [...known.filter((w) => byWard.has(w)), ...[...byWard.keys()].filter((w) => !known.includes(w))];
    section.querySelector("#crowding-wards").replaceChildren(
      ...wardsShown.map((ward) => {
        const sums = byWard.get(ward);
        const li = document.createElement("li");
        li.dataset.ward = ward;
        li.textContent = `${words.wards[ward] || ward}: ${order
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
    for (const li of document.querySelectorAll("li[data-id]")) {
      const span = li.querySelector(".crowding");
      if (!span) continue;
      const s = shelters.get(li.dataset.id);
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

  const fromApi = (s) => ({
    ward: s.ward,
    open: s.open,
    level: s.level,
    headcount: s.latest ? s.latest.headcount : 0,
    capacity: s.capacity,
    reportedAt: s.latest ? Date.parse(s.latest.reportedAt) : null,
    stale: Boolean(s.latest && s.latest.stale),
  });

  /** The page's own figures: [id, ward, open, level, headcount, capacity, reportedAt (ms) or null, stale]. */
  function seed(list) {
    shelters.clear();
    for (const [id, ward, open, level, headcount, capacity, reportedAt, stale] of list)
      shelters.set(id, { ward, open: Boolean(open), level, headcount, capacity, reportedAt, stale: Boolean(stale) });
  }

  async function load() {
    const res = await fetch("/api/v1/shelters").catch(() => undefined);
    if (!res || !res.ok) return;
    const body = await res.json();
    shelters.clear();
    for (const s of body.shelters) shelters.set(s.id, fromApi(s));
    render();
  }

  /** One occupancy report from the event stream. */
  function update(report) {
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
})();
