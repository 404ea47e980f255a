// The public pages after the server's HTML: kept live (SSE, else polling), an offline notice
// with the age of what is shown, shelters nearest first, the map (loaded when opened), counter services.
// The server draws everything the visitor sees first; the live parts start once the page is idle.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const words = data.words;
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);
  const japanese = data.lang === "ja" || data.lang === "ja-x-easy";
  const english = data.lang === "en";
  // Made on first use: building a date format costs more than the rest of the start-up.
  let tokyoFormat = null;
  const tokyo = (iso) => {
    tokyoFormat ??= new Intl.DateTimeFormat(japanese ? "ja-JP" : english ? "en-GB" : data.lang, {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: english ? "short" : "2-digit",
      day: english ? "numeric" : "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    return tokyoFormat.format(new Date(iso)) + (japanese ? "" : " JST");
  };
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  };

  /** After the first paint, when the browser has nothing better to do. */
  const whenIdle = (work) => {
    const idle = () => (window.requestIdleCallback ? requestIdleCallback(() => work(), { timeout: 3000 }) : setTimeout(work, 200));
    if (document.readyState === "complete") idle();
    else window.addEventListener("load", idle, { once: true });
  };

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
  const liveParts = ["mode", "guidance", "freshness", "shelters", "crowding", "services", "shelter-lists", "facilities", "facility"];
  let refreshing = null;
  async function refresh() {
    const res = await fetch(location.pathname + location.search, { cache: "no-store", headers: { accept: "text/html" } });
    if (!res.ok) throw new Error(String(res.status));
    const fresh = new DOMParser().parseFromString(await res.text(), "text/html");
    // A ward the visitor unfolded stays unfolded.
    const unfolded = new Set(Array.from(document.querySelectorAll("details[data-ward][open]"), (d) => d.dataset.ward));
    for (const id of liveParts) {
      const now = document.getElementById(id);
      const next = fresh.getElementById(id);
      if (now && next) now.replaceWith(document.adoptNode(next));
    }
    for (const d of document.querySelectorAll("details[data-ward]")) if (unfolded.has(d.dataset.ward)) d.open = true;
    // The fresh copy's figures replace what the scripts kept.
    const freshData = JSON.parse(fresh.getElementById("page-data")?.textContent || "{}");
    if (freshData.crowding && window.crisisCrowding) window.crisisCrowding.seed(freshData.crowding);
    if (freshData.services) keep(freshData.services);
    document.body.dataset.refreshedAt = new Date().toISOString();
    setOffline(false);
    enhanceShelters();
    if (window.crisisCrowding) window.crisisCrowding.render();
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
    // From where the page was read: the stream replays what changed since, so nothing is read to find out.
    const source = new EventSource(data.position ? `/api/v1/events?lastEventId=${encodeURIComponent(data.position)}` : "/api/v1/events");
    let opened = false;
    source.onopen = () => {
      opened = true;
      setOffline(false);
    };
    const onChange = () => scheduleRefresh();
    source.onmessage = onChange;
    for (const name of ["mode", "status", "facility", "shelter", "service", "change"]) source.addEventListener(name, onChange);
    // Figures (occupancy, counter waiting) come whole in the event: nothing to fetch.
    source.addEventListener("crowding", (e) => window.crisisCrowding && window.crisisCrowding.update(JSON.parse(e.data)));
    source.addEventListener("waiting", (e) => updateWaiting(JSON.parse(e.data)));
    let readyBefore = false;
    source.addEventListener("ready", () => {
      // Figures are not replayed on a reconnect: read them again once.
      if (readyBefore) {
        if (window.crisisCrowding) void window.crisisCrowding.load();
        void services();
      }
      readyBefore = true;
    });
    source.onerror = () => {
      // Never opened: no event stream on this gateway; poll the status instead.
      if (!opened || source.readyState === EventSource.CLOSED) {
        source.close();
        startPolling();
      } else {
        setOffline(true);
      }
    };
    // A page without its position (an older copy) looks at the status once to see whether it is behind.
    if (!data.position) poll();
  }

  // --- shelters: the nearest with room first, and a map when tiles are configured ---------
  let here = null;
  const km = (a, b) => {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 12742 * Math.asin(Math.sqrt(h));
  };
  const shelterItems = () =>
    Array.from(document.querySelectorAll("#shelter-lists li[data-lat]")).map((li) => ({
      li,
      id: li.dataset.id,
      lat: Number(li.dataset.lat),
      lon: Number(li.dataset.lon),
    }));
  const nearestRow = (li, d) => {
    const item = li.cloneNode(true);
    item.querySelector(".address")?.remove();
    item.append(" ", el("span", { class: "distance" }, `${d.toFixed(1)} km`));
    return item;
  };
  /**
   * Shelters with room as the server ranks them (GET /api/v1/shelters/nearest), then the open
   * shelters nearby whose crowding is not known, then full ones: a full shelter is never first.
   */
  async function showNearest() {
    const list = document.getElementById("nearest-list");
    if (!list || !here) return;
    const res = await fetch(`/api/v1/shelters/nearest?lat=${here.lat}&lon=${here.lon}&limit=5`).catch(() => null);
    if (!res || !res.ok) {
      list.replaceChildren(el("li", {}, words.nearestFailed));
      return;
    }
    const withRoom = (await res.json()).shelters;
    const rows = new Map(shelterItems().map((s) => [s.id, s]));
    const first = withRoom.filter((s) => rows.has(s.id)).map((s) => nearestRow(rows.get(s.id).li, s.distanceM / 1000));
    const taken = new Set(withRoom.map((s) => s.id));
    const others = shelterItems()
      .filter((s) => !taken.has(s.id) && (s.lat || s.lon))
      .map((s) => ({ ...s, d: km(here, s), full: levelOf(s.id) === "full" }))
      .sort((a, b) => Number(a.full) - Number(b.full) || a.d - b.d)
      .slice(0, Math.max(3, 8 - first.length));
    list.replaceChildren(
      ...(first.length ? first : [el("li", { class: "none" }, words.nearestNone)]),
      ...others.map((s) => nearestRow(s.li, s.d)),
    );
    document.getElementById("nearest").hidden = false;
    if (window.crisisCrowding) window.crisisCrowding.render();
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
            void showNearest();
          },
          () => document.getElementById("nearest-list").replaceChildren(el("li", {}, words.locationDenied)),
          { timeout: 15000, maximumAge: 300000 },
        );
      });
    }
    void showNearest();
    syncMap();
  }

  // --- the map: Leaflet and its clustering load only when the visitor opens it -----------
  /** { L, map, cluster, pins: id → marker } once the map is drawn. */
  let shelterMap = null;
  const levelOf = (id) => (window.crisisCrowding ? window.crisisCrowding.levelOf(id) : "unknown");
  const loadFile = (tag, attrs) =>
    new Promise((resolve, reject) => {
      const node = el(tag, attrs);
      node.onload = resolve;
      node.onerror = reject;
      document.head.append(node);
    });
  const pinIcon = (L, level) =>
    L.divIcon({ className: `pin level-${level}`, iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -11] });
  const pinTitle = (name, level) => `${name} (${words.crowding[level] || level})`;
  /** A cluster takes the colour most of its shelters have, and says how many it holds. */
  function clusterIcon(L, cluster) {
    const counts = {};
    for (const m of cluster.getAllChildMarkers()) counts[m.options.level] = (counts[m.options.level] || 0) + 1;
    const level = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0] || "unknown";
    const n = cluster.getChildCount();
    return L.divIcon({
      className: `cluster level-${level}`,
      html: `<span>${n}</span>`,
      iconSize: [36, 36],
    });
  }
  async function openMap() {
    const box = document.getElementById("map");
    if (!box || shelterMap || !data.mapFiles) return;
    try {
      await Promise.all(data.mapFiles.styles.map((href) => loadFile("link", { rel: "stylesheet", href })));
      // The clustering extends Leaflet: one after the other.
      for (const src of data.mapFiles.scripts) await loadFile("script", { src });
    } catch {
      box.replaceChildren(el("p", { class: "help" }, words.mapFailed));
      return;
    }
    const L = window.L;
    const map = L.map(box);
    L.tileLayer(box.dataset.tiles, { attribution: box.dataset.attribution, maxZoom: 18 }).addTo(map);
    const cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 48,
      iconCreateFunction: (c) => clusterIcon(L, c),
    });
    map.addLayer(cluster);
    shelterMap = { L, map, cluster, pins: new Map() };
    drawPins(true);
  }
  /** Every open shelter of the ward lists as a pin; after a refresh the set may have changed. */
  function drawPins(fit) {
    if (!shelterMap) return;
    const { L, map, cluster, pins } = shelterMap;
    const points = shelterItems().filter((s) => s.lat || s.lon);
    cluster.clearLayers();
    pins.clear();
    for (const s of points) {
      const link = s.li.querySelector("a");
      const level = levelOf(s.id);
      const marker = L.marker([s.lat, s.lon], { icon: pinIcon(L, level), title: pinTitle(link.textContent, level), level });
      marker.bindPopup(() => el("a", { href: link.getAttribute("href") }, link.textContent));
      marker.name = link.textContent;
      pins.set(s.id, marker);
    }
    cluster.addLayers([...pins.values()]);
    if (fit && points.length)
      map.fitBounds(
        points.map((s) => [s.lat, s.lon]),
        { padding: [16, 16] },
      );
  }
  /** A crowding report changes a pin's colour (and its cluster's) where the map is open. */
  function recolourPins() {
    if (!shelterMap) return;
    const changed = [];
    for (const [id, marker] of shelterMap.pins) {
      const level = levelOf(id);
      if (marker.options.level === level) continue;
      marker.options.level = level;
      marker.options.title = pinTitle(marker.name, level);
      marker.setIcon(pinIcon(shelterMap.L, level));
      changed.push(marker);
    }
    if (changed.length) shelterMap.cluster.refreshClusters(changed);
  }
  /** The map section shows while a shelter is open; its pins follow the refreshed lists. */
  function syncMap() {
    const section = document.getElementById("shelter-map");
    if (!section) return;
    section.hidden = shelterItems().length === 0;
    drawPins(false);
  }
  const mapBox = document.getElementById("map-box");
  if (mapBox)
    mapBox.addEventListener("toggle", () => {
      if (!mapBox.open) return;
      if (shelterMap) shelterMap.map.invalidateSize();
      else void openMap();
    });
  document.addEventListener("crowding-rendered", recolourPins);

  // --- counter services: their level, the counter's wait (live) and the online alternative ----
  // Other languages than Japanese and English read the English name after the Japanese one.
  const serviceName = (s) =>
    english && s.nameEn ? s.nameEn : !japanese && s.nameEn && s.name ? `${s.name} (${s.nameEn})` : s.name || s.id;
  /** A waiting figure older than the gateway's stale setting says so. */
  const isStale = (w) => Date.now() - Date.parse(w.reportedAt) > (data.waitingStaleMinutes || 60) * 60000;
  /** "25 分", or from an hour on "59 時間 57 分", as the server draws it. */
  function reportAge(at) {
    const n = Math.max(0, Math.floor((Date.now() - at) / 60000));
    if (n < 60) return fill(words.minutesTemplate, { n });
    return fill(words.hoursMinutesTemplate, { h: Math.floor(n / 60), m: n % 60 });
  }
  /** The counter's wait beside the online alternative, so a citizen can decide not to come. */
  function counterAndOnline(s) {
    const parts = [];
    const w = s.waiting;
    if (w) {
      const figure =
        w.waiting !== null ? words.waitingPeople.replace("{n}", String(w.waiting)) : words.nextSlot.replace("{t}", tokyo(w.nextFreeSlot));
      const age = reportAge(Date.parse(w.reportedAt));
      const stale = isStale(w);
      parts.push(
        " ",
        el(
          "span",
          { class: stale ? "waiting stale" : "waiting" },
          figure + words.reportedAgo.replace("{age}", age) + (stale ? words.waitingStale : ""),
        ),
      );
    }
    const online = (s.channels || []).find((c) => c.channel === "online");
    if (online) parts.push(" ", el("span", { class: "online" }, `${words.onlineChannel}: ${words.levels[online.level] || online.level}`));
    return parts;
  }

  /** The services as last read, by id; waiting figures from the event stream land here. */
  const known = new Map();
  function renderServices() {
    if (data.page === "status") {
      const section = document.getElementById("services");
      if (!section || !known.size) return;
      document
        .getElementById("services-list")
        .replaceChildren(
          ...[...known.values()].map((s) =>
            el(
              "li",
              { "data-service": s.id },
              el("a", { href: `/services/${encodeURIComponent(s.id)}` }, serviceName(s)),
              ...counterAndOnline(s),
            ),
          ),
        );
      section.hidden = false;
    }
    const s = data.page === "service" && known.get(data.serviceId);
    if (s) {
      document.getElementById("service-name").textContent = serviceName(s);
      document.getElementById("service-body").replaceChildren(...counterAndOnline(s));
    }
  }
  function updateWaiting(figure) {
    const s = known.get(figure.serviceId);
    if (!s) return;
    s.waiting = figure.waiting;
    renderServices();
  }

  function keep(list) {
    known.clear();
    for (const s of list) known.set(s.id, s);
  }
  /** Read the services when the page came without them, and after a reconnect (figures are not replayed). */
  async function services() {
    if (data.page === "status" && document.getElementById("services")) {
      const res = await fetch("/api/v1/services").catch(() => null);
      if (!res || !res.ok) return;
      const body = await res.json();
      keep(Array.isArray(body) ? body : body.services || body.items || []);
    }
    if (data.page === "service") {
      const res = await fetch(`/api/v1/services/${encodeURIComponent(data.serviceId)}`).catch(() => null);
      if (!res || !res.ok) {
        document.getElementById("service-body").textContent = words.notAvailable;
        return;
      }
      const s = await res.json();
      known.set(s.id, s);
    }
    renderServices();
  }

  enhanceShelters();
  // The server drew the services; without them (the catalogue did not answer) they are read here.
  if (data.services) keep(data.services);
  else if (data.service) keep([data.service]);
  else void services();
  // Ages (and a figure going stale) move on by themselves; no request is made for that.
  setInterval(renderServices, 30000);
  whenIdle(() => {
    if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => undefined);
    follow();
  });
})();
