// Console and staff page: the pasted token (sessionStorage only, gone when the tab closes) and
// one API helper that tells "this endpoint does not exist yet" apart from other refusals.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const key = "crisis.token";
  const form = document.getElementById("token-form");
  const result = document.getElementById("token-result");
  const signOut = document.getElementById("sign-out");
  const listeners = [];

  const claims = (token) => {
    try {
      return JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    } catch {
      return null;
    }
  };

  async function api(method, path, body, accept) {
    const token = sessionStorage.getItem(key);
    const headers = { accept: accept || "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
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
  /** A stored UTC time as people in Kumamoto read it; the audit log wants the seconds too. */
  const tokyo = (iso, seconds) =>
    iso
      ? new Intl.DateTimeFormat(data.lang === "ja" ? "ja-JP" : "en-GB", {
          timeZone: "Asia/Tokyo",
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          ...(seconds ? { second: "2-digit" } : {}),
        }).format(new Date(iso))
      : "";

  const problem = (res) => (res.body && (res.body.detail || res.body.code)) || String(res.status);

  function unavailable(section, text) {
    const p = section.querySelector(".unavailable");
    if (p) {
      p.textContent = text || data.words.notAvailable;
      p.hidden = false;
    }
  }

  function show() {
    const token = sessionStorage.getItem(key);
    const who = token && claims(token);
    const roles = (who && who.roles) || [];
    // A panel names the roles it is for; the gateway checks them again on every call.
    for (const section of document.querySelectorAll(".needs-token")) {
      const wanted = (section.dataset.roles || "").split(" ").filter(Boolean);
      section.hidden = !who || (wanted.length > 0 && !wanted.some((r) => roles.includes(r)));
    }
    signOut.hidden = !who;
    document.getElementById("token-entry").hidden = Boolean(who);
    result.textContent = who ? `${who.sub} (${(who.roles || []).join(", ")})` : "";
    if (who) for (const fn of listeners) fn(who);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const token = form.elements.token.value.trim();
    if (!claims(token)) {
      result.textContent = "?";
      return;
    }
    sessionStorage.setItem(key, token);
    form.elements.token.value = "";
    show();
    // Focus would fall to <body> once the token form hides: move it to the first panel's heading.
    const heading = document.querySelector(".needs-token:not([hidden]) h2");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  });
  signOut.addEventListener("click", () => {
    sessionStorage.removeItem(key);
    show();
  });

  window.crisisDesk = {
    data,
    el,
    tokyo,
    api,
    problem,
    unavailable,
    onSignedIn(fn) {
      listeners.push(fn);
    },
    start: show,
  };
})();
