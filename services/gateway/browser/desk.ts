// Console and staff page: who is signed in (GET /api/v1/me; the session is an HttpOnly cookie, so
// the page never holds a token) and one API helper that tells "this endpoint does not exist yet"
// apart from other refusals.
import { cityTime } from "./lib/city-time";

(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const listeners = [];
  let who = null;

  const here = () => `${location.pathname}${location.search}`;
  const signInAgain = () => location.assign(`/login?returnTo=${encodeURIComponent(here())}`);

  async function api(method, path, body, accept) {
    const headers = { accept: accept || "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    // The shift's session ran out while the page was open: sign in again and come back to this place.
    if (res.status === 401 && who) signInAgain();
    const type = res.headers.get("content-type") || "";
    const payload = type.includes("json") ? await res.json().catch(() => null) : await res.text();
    const missing = res.status === 404 && payload && payload.code === "ROUTE_NOT_FOUND";
    return { status: res.status, ok: res.ok, body: payload, missing };
  }

  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  };
  /** A stored UTC time in the city's zone (the page names it), as the shared module writes it. */
  const tokyo = (iso, seconds) => cityTime(iso, data, seconds);

  /** One row of a chart: label, a filled track, "value / whole". */
  function bar(label, value, whole) {
    const pct = Math.min(100, Math.round((100 * value) / Math.max(1, whole)));
    const fill = el("span", { class: "fill" });
    fill.style.width = `${pct}%`;
    return el(
      "div",
      { class: "bar", "data-name": label },
      el("span", { class: "label" }, label),
      el("span", { class: "track" }, fill),
      el("span", { class: "value" }, `${value} / ${whole}`),
    );
  }
  /** Fills `{name}` in a page word. */
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));
  /** Saves text the page fetched with the session as a file (a plain link would go without it). */
  function download(text, name, type) {
    const link = el("a", { href: URL.createObjectURL(new Blob([text], { type: type || "text/csv" })), download: name });
    document.body.append(link);
    link.click();
    link.remove();
  }

  const problem = (res) => (res.body && (res.body.detail || res.body.code)) || String(res.status);

  function unavailable(section, text) {
    const p = section.querySelector(".unavailable");
    if (p) {
      p.textContent = text || data.words.notAvailable;
      p.hidden = false;
    }
  }

  async function show() {
    // Back to this very page (its language, its notice) after signing in.
    document.getElementById("sign-in-link").href = `/login?returnTo=${encodeURIComponent(here())}`;
    const me = await api("GET", "/api/v1/me");
    who = me.ok ? { sub: me.body.subject, roles: me.body.roles || [] } : null;
    // A panel names the roles it is for; the gateway checks them again on every call.
    for (const section of document.querySelectorAll(".needs-token")) {
      const wanted = (section.dataset.roles || "").split(" ").filter(Boolean);
      section.hidden = !who || (wanted.length > 0 && !wanted.some((r) => who.roles.includes(r)));
    }
    document.getElementById("signed-in").hidden = !who;
    document.getElementById("signed-out").hidden = Boolean(who);
    document.getElementById("who").textContent = who ? `${who.sub} (${who.roles.join(", ")})` : "";
    noPanel();
    if (who) for (const fn of listeners) fn(who);
    // Signed in and nothing focused yet: start at the first panel's heading rather than <body>.
    const heading = who && document.activeElement === document.body && document.querySelector(".needs-token:not([hidden]) h2");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }

  // Signed in with a role that has no panel here: say what it can do elsewhere, never an empty page.
  function noPanel() {
    const note = document.getElementById("no-panel");
    if (!note) return;
    const none = Boolean(who) && !document.querySelector(".needs-token:not([hidden])");
    note.hidden = !none;
    if (!none) return;
    const staff = who.roles.includes("staff");
    document.getElementById("no-panel-text").textContent = staff ? data.desk.noPanel.staff : data.desk.noPanel.other;
    document.getElementById("no-panel-link").hidden = !staff;
  }

  window.crisisDesk = {
    data,
    el,
    bar,
    fill,
    download,
    tokyo,
    api,
    problem,
    unavailable,
    onSignedIn(fn) {
      listeners.push(fn);
      // A script that comes after the sign-in was read is told at once.
      if (who) fn(who);
    },
    start: show,
  };
})();
