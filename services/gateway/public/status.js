// The public pages after the server's HTML: kept live (SSE, else polling), an offline notice
// with the age of what is shown, shelters nearest first, the map, counter services.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const words = data.words;
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  const tokyo = (iso) =>
    new Intl.DateTimeFormat(data.lang === "ja" ? "ja-JP" : "en-GB", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(iso));
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  };

  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => undefined);

  // --- how old is what the page shows -------------------------------------------------
  let offline = false;
  function showFreshness() {
    const p = document.getElementById("freshness");
    if (!p) return;
    const at = p.dataset.generatedAt;
    const minutes = Math.max(0, Math.round((Date.now() - new Date(at).getTime()) / 60000));
    p.classList.toggle("offline", offline);
    p.textContent = offline
      ? fill(words.offlineTemplate, { t: tokyo(at), age: fill(words.minutesTemplate, { n: minutes }) })
      : `${fill(words.asOfTemplate, { t: tokyo(at) })} · ${words.live}`;
  }
  const setOffline = (value) => {
    offline = value;
    showFreshness();
  };
  window.addEventListener("offline", () => setOffline(true));
  setInterval(showFreshness, 30000);

  // --- live: replace the server-rendered parts with a fresh copy of this page ------------
  const liveParts = ["mode", "freshness", "shelters", "facilities", "facility"];
  let refreshing = null;
  async function refresh() {
    const res = await fetch(location.pathname + location.search, { cache: "no-store", headers: { accept: "text/html" } });
    if (!res.ok) throw new Error(String(res.status));
    const fresh = new DOMParser().parseFromString(await res.text(), "text/html");
    for (const id of liveParts) {
      const now = document.getElementById(id);
      const next = fresh.getElementById(id);
      if (now && next) now.replaceWith(document.adoptNode(next));
    }
    document.body.dataset.refreshedAt = new Date().toISOString();
    setOffline(false);
    enhanceShelters();
  }
  function scheduleRefresh() {
    if (refreshing) return;
    refreshing = setTimeout(() => {
      refresh()
        .catch(() => setOffline(!navigator.onLine))
        .finally(() => (refreshing = null));
    }, 250);
  }

  // Status signature: the mode and each facility's status, whatever else the answer carries.
  const signature = (s) => JSON.stringify([s.mode, (s.facilities || []).map((f) => [f.id, f.status, f.statusSince, f.shelter])]);
  let lastSignature = null;
  let etag = null;
  async function poll() {
    try {
      const res = await fetch("/api/v1/status", { cache: "no-store", headers: etag ? { "if-none-match": etag } : {} });
      if (res.status === 304) return setOffline(false);
      if (!res.ok) throw new Error(String(res.status));
      etag = res.headers.get("etag");
      const status = await res.json();
      const sig = signature(status);
      const shownAt = document.getElementById("freshness")?.dataset.generatedAt || "";
      const latest = [status.mode && status.mode.declaredAt, ...(status.facilities || []).map((f) => f.statusSince)]
        .filter(Boolean)
        .sort()
        .pop();
      const changed = lastSignature === null ? Boolean(latest && new Date(latest) > new Date(shownAt)) : sig !== lastSignature;
      lastSignature = sig;
      if (changed) scheduleRefresh();
      else setOffline(false);
    } catch {
      setOffline(true);
    }
  }

  function follow() {
    let polling = null;
    const startPolling = () => {
      if (polling) return;
      poll();
      // Without the event stream every visitor asks for the whole status: not too often.
      polling = setInterval(poll, data.pollMs || 15000);
    };
    if (!("EventSource" in window)) return startPolling();
    const source = new EventSource("/api/v1/events");
    let opened = false;
    source.onopen = () => {
      opened = true;
      setOffline(false);
    };
    const onChange = () => scheduleRefresh();
    source.onmessage = onChange;
    for (const name of ["mode", "status", "facility", "shelter", "service", "change"]) source.addEventListener(name, onChange);
    source.onerror = () => {
      // Never opened: no event stream on this gateway; poll the status instead.
      if (!opened || source.readyState === EventSource.CLOSED) {
        source.close();
        startPolling();
      } else {
        setOffline(true);
      }
    };
    // The stream may stay quiet: one poll sets the offline notice straight away if needed, and a
    // slow poll catches a change announced under an event name this page does not know.
    poll();
    setInterval(() => {
      if (!polling) poll();
    }, 60000);
  }

  // --- shelters: nearest first, and a map when tiles are configured ------------------------
  let here = null;
  const km = (a, b) => {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  };
  const shelterItems = () =>
    Array.from(document.querySelectorAll("#shelters .ward li[data-lat]")).map((li) => ({
      li,
      lat: Number(li.dataset.lat),
      lon: Number(li.dataset.lon),
    }));
  function showNearest() {
    const list = document.getElementById("nearest-list");
    if (!list || !here) return;
    const sorted = shelterItems()
      .filter((s) => s.lat || s.lon)
      .map((s) => ({ ...s, d: km(here, s) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, 10);
    list.replaceChildren(
      ...sorted.map((s) => {
        const item = s.li.cloneNode(true);
        item.append(" ", el("span", { class: "distance" }, `${s.d.toFixed(1)} km`));
        return item;
      }),
    );
    document.getElementById("nearest").hidden = false;
  }
  function enhanceShelters() {
    const button = document.getElementById("nearest-button");
    if (button && "geolocation" in navigator) {
      button.hidden = false;
      button.addEventListener("click", () => {
        const box = document.getElementById("nearest");
        box.hidden = false;
        document.getElementById("nearest-list").replaceChildren(el("li", {}, words.locating));
        navigator.geolocation.getCurrentPosition(
          (pos) => {
            here = { lat: pos.coords.latitude, lon: pos.coords.longitude };
            showNearest();
          },
          () => document.getElementById("nearest-list").replaceChildren(el("li", {}, words.locationDenied)),
          { timeout: 15000, maximumAge: 300000 },
        );
      });
    }
    showNearest();
    const mapBox = document.getElementById("map");
    if (mapBox && window.L) {
      const map = window.L.map(mapBox);
      window.L.tileLayer(mapBox.dataset.tiles, { attribution: mapBox.dataset.attribution, maxZoom: 18 }).addTo(map);
      const points = shelterItems().filter((s) => s.lat || s.lon);
      for (const s of points) {
        const link = s.li.querySelector("a");
        const popup = el("a", { href: link.getAttribute("href") }, link.textContent);
        window.L.marker([s.lat, s.lon], { title: link.textContent }).bindPopup(popup).addTo(map);
      }
      if (points.length)
        map.fitBounds(
          points.map((s) => [s.lat, s.lon]),
          { padding: [16, 16] },
        );
    }
  }

  // --- counter services (shown once the facilities service offers them) --------------------
  /** The counter's wait beside the online alternative, so a citizen can decide not to come. */
  function counterAndOnline(s) {
    const parts = [];
    const w = s.waiting;
    if (w) {
      const figure =
        w.waiting !== null
          ? words.waitingPeople.replace("{n}", String(w.waiting))
          : words.nextSlot.replace("{t}", String(w.nextFreeSlot).slice(5, 16).replace("T", " "));
      const age = words.minutesTemplate.replace("{n}", String(Math.floor(w.ageSeconds / 60)));
      parts.push(" ", el("span", { class: "waiting" }, figure + words.reportedAgo.replace("{age}", age)));
    }
    const online = (s.channels || []).find((c) => c.channel === "online");
    if (online) parts.push(" ", el("span", { class: "online" }, `${words.onlineChannel}: ${words.levels[online.level] || online.level}`));
    return parts;
  }

  async function services() {
    const section = document.getElementById("services");
    if (data.page === "status" && section) {
      const res = await fetch("/api/v1/services").catch(() => null);
      if (!res || !res.ok) return;
      const body = await res.json();
      const list = Array.isArray(body) ? body : body.services || body.items || [];
      if (!list.length) return;
      document.getElementById("services-list").replaceChildren(
        ...list.map((s) => {
          const li = el("li", {}, el("a", { href: `/services/${encodeURIComponent(s.id)}` }, s.name || s.id));
          if (s.level) li.append(" ", el("span", { class: "status" }, String(s.levelWord || s.level)));
          if (s.onlineUrl) li.append(" ", el("a", { href: s.onlineUrl, rel: "noopener" }, words.online));
          li.append(...counterAndOnline(s));
          return li;
        }),
      );
      section.hidden = false;
    }
    if (data.page === "service") {
      const res = await fetch(`/api/v1/services/${encodeURIComponent(data.serviceId)}`).catch(() => null);
      const body = document.getElementById("service-body");
      if (!res || !res.ok) {
        body.textContent = words.notAvailable;
        return;
      }
      const s = await res.json();
      document.getElementById("service-name").textContent = s.name || s.id;
      body.replaceChildren(
        el("span", { class: "status" }, String(s.levelWord || s.level || "")),
        " ",
        s.reason || "",
        ...(s.onlineUrl ? [" ", el("a", { href: s.onlineUrl, rel: "noopener" }, words.online)] : []),
        ...counterAndOnline(s),
      );
    }
  }

  showFreshness();
  enhanceShelters();
  services();
  // Counter waiting figures are not in the status stream: a look every minute keeps them and their age current.
  setInterval(services, 60000);
  follow();
})();
