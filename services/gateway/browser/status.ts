// The public pages after the server's HTML: kept live (SSE, else polling), an offline notice
// with the age of what is shown, shelters nearest first, the map (loaded when opened), counter services.
// The server draws everything the visitor sees first; the live parts start once the page is idle.
import type { ScriptCrowding } from "../src/adapters/http/page-parts/status-figures";
import type { CounterService, CounterServices, NearestShelters, PublicStatus } from "./lib/api";
import { cityTime } from "./lib/city-time";
import type { OccupancyFigure } from "./lib/crowding-script";
import { byId, el, pageData, whenIdle } from "./lib/dom";
import { fill } from "./lib/fill";
import type { Cluster, ClusterGroup, Leaflet, LeafletMap, Marker } from "./lib/leaflet";
import type { ResidentPageData } from "./lib/page-words";
import { reportAge } from "./lib/report-age";

interface StatusPageData extends ResidentPageData {
  waitingStaleMinutes?: number;
  pollMs?: number;
  /** Where the live status stood when the page was drawn (an event id). */
  position?: string;
  mapFiles?: { styles: string[]; scripts: string[] };
  crowding?: ScriptCrowding[];
  services?: CounterService[];
  service?: CounterService;
  serviceId?: string;
}

const data = pageData<StatusPageData>();
const words = data.words;
const japanese = data.lang === "ja" || data.lang === "ja-x-easy";
const english = data.lang === "en";
const crowding = () => window.crisisCrowding;

// --- how old is what the page shows -------------------------------------------------
let offline = false;
function showFreshness() {
  const p = document.getElementById("freshness");
  if (!p) return;
  const at = p.dataset.generatedAt ?? "";
  const wasOffline = p.classList.contains("offline");
  p.classList.toggle("offline", offline);
  if (offline) {
    const minutes = Math.max(0, Math.round((Date.now() - Date.parse(at)) / 60000));
    p.textContent = fill(words.offlineTemplate, { t: cityTime(at, data), age: fill(words.minutesTemplate, { n: minutes }) });
  } else if (wasOffline) {
    p.textContent = `${fill(words.asOfTemplate, { t: cityTime(at, data) })} · ${words.live}`;
  } else if (p.dataset.live === undefined) {
    // The server drew the time: only the live mark is added. Formatting a time in the city's zone
    // again cost a slow phone up to half a second of blocking when the stream opened (Lighthouse).
    p.dataset.live = "";
    p.append(` · ${words.live}`);
  }
}
const setOffline = (value: boolean) => {
  offline = value;
  showFreshness();
};
window.addEventListener("offline", () => setOffline(true));
setInterval(showFreshness, 30000);

// --- live: replace the server-rendered parts with a fresh copy of this page ------------
const liveParts = ["mode", "guidance", "freshness", "shelters", "crowding", "services", "shelter-lists", "facilities", "facility"];
let refreshing: ReturnType<typeof setTimeout> | null = null;
async function refresh() {
  const res = await fetch(location.pathname + location.search, { cache: "no-store", headers: { accept: "text/html" } });
  if (!res.ok) throw new Error(String(res.status));
  const fresh = new DOMParser().parseFromString(await res.text(), "text/html");
  // A ward the visitor unfolded stays unfolded.
  const wardsOf = (root: Document, selector: string) => Array.from(root.querySelectorAll<HTMLDetailsElement>(selector));
  const unfolded = new Set(wardsOf(document, "details[data-ward][open]").map((d) => d.dataset.ward));
  for (const id of liveParts) {
    const now = document.getElementById(id);
    const next = fresh.getElementById(id);
    if (now && next) now.replaceWith(document.adoptNode(next));
  }
  for (const d of wardsOf(document, "details[data-ward]")) if (unfolded.has(d.dataset.ward)) d.open = true;
  // The fresh copy's figures replace what the scripts kept.
  const freshData = JSON.parse(fresh.getElementById("page-data")?.textContent || "{}") as Partial<StatusPageData>;
  if (freshData.crowding) crowding()?.seed(freshData.crowding);
  if (freshData.services) keep(freshData.services);
  document.body.dataset.refreshedAt = new Date().toISOString();
  setOffline(false);
  enhanceShelters();
  crowding()?.render();
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
const signature = (s: PublicStatus) => JSON.stringify([s.mode, s.facilities.map((f) => [f.id, f.status, f.statusSince, f.shelter])]);
let lastSignature: string | null = null;
let etag: string | null = null;
async function poll() {
  try {
    const res = await fetch("/api/v1/status", { cache: "no-store", headers: etag ? { "if-none-match": etag } : {} });
    if (res.status === 304) return setOffline(false);
    if (!res.ok) throw new Error(String(res.status));
    etag = res.headers.get("etag");
    const status = (await res.json()) as PublicStatus;
    const sig = signature(status);
    const shownAt = document.getElementById("freshness")?.dataset.generatedAt || "";
    const latest = [status.mode.declaredAt, ...status.facilities.map((f) => f.statusSince)]
      .filter((t): t is string => Boolean(t))
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

// The live stream and the polling stop while the page sits in the back/forward cache (an open
// stream keeps it out), and start again from the last event seen when the page is shown again.
let polling: ReturnType<typeof setInterval> | null = null;
let source: EventSource | null = null;
/** The last event id read: a stream reopened after the page was away replays what changed since. */
let position = data.position;
const startPolling = () => {
  if (polling) return;
  void poll();
  // Without the event stream every visitor asks for the whole status: not too often.
  polling = setInterval(() => void poll(), data.pollMs || 15000);
};
function follow() {
  if (!("EventSource" in window)) return startPolling();
  // From where the page was read: the stream replays what changed since, so nothing is read to find out.
  const stream = new EventSource(position ? `/api/v1/events?lastEventId=${encodeURIComponent(position)}` : "/api/v1/events");
  source = stream;
  let opened = false;
  stream.onopen = () => {
    opened = true;
    setOffline(false);
  };
  const onChange = (e: MessageEvent) => {
    if (e.lastEventId) position = e.lastEventId;
    scheduleRefresh();
  };
  stream.onmessage = onChange;
  for (const name of ["mode", "status", "facility", "shelter", "service", "change"]) stream.addEventListener(name, onChange);
  // Figures (occupancy, counter waiting) come whole in the event: nothing to fetch.
  stream.addEventListener("crowding", (e) => crowding()?.update(JSON.parse(e.data as string) as OccupancyFigure));
  stream.addEventListener("waiting", (e) => updateWaiting(JSON.parse(e.data as string) as WaitingFigure));
  let readyBefore = false;
  stream.addEventListener("ready", (e) => {
    if (e.lastEventId) position = e.lastEventId;
    // Figures are not replayed on a reconnect: read them again once.
    if (readyBefore) {
      void crowding()?.load();
      void services();
    }
    readyBefore = true;
  });
  stream.onerror = () => {
    // Never opened: no event stream on this gateway; poll the status instead.
    if (!opened || stream.readyState === EventSource.CLOSED) {
      stream.close();
      startPolling();
    } else {
      setOffline(true);
    }
  };
  // A page without its position (an older copy) looks at the status once to see whether it is behind.
  if (!position) void poll();
}
function stopFollowing() {
  source?.close();
  source = null;
  if (polling) clearInterval(polling);
  polling = null;
}
let following = false;
window.addEventListener("pagehide", () => {
  if (following) stopFollowing();
});
window.addEventListener("pageshow", (event) => {
  if (!event.persisted || !following) return;
  follow();
  // Figures that arrived while the page was away are not replayed: read them once.
  void crowding()?.load();
  void services();
});

// --- shelters: the nearest with room first, and a map when tiles are configured ---------
interface Place {
  lat: number;
  lon: number;
}
interface ShelterItem extends Place {
  li: HTMLLIElement;
  id: string;
}
let here: Place | null = null;
const km = (a: Place, b: Place) => {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};
const shelterItems = (): ShelterItem[] =>
  Array.from(document.querySelectorAll<HTMLLIElement>("#shelter-lists li[data-lat]"), (li) => ({
    li,
    id: li.dataset.id ?? "",
    lat: Number(li.dataset.lat),
    lon: Number(li.dataset.lon),
  }));
const nearestRow = (li: HTMLLIElement, d: number) => {
  const item = li.cloneNode(true) as HTMLLIElement;
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
  const from = here;
  if (!list || !from) return;
  const res = await fetch(`/api/v1/shelters/nearest?lat=${from.lat}&lon=${from.lon}&limit=5`).catch(() => null);
  if (!res?.ok) {
    list.replaceChildren(el("li", {}, words.nearestFailed));
    return;
  }
  const withRoom = ((await res.json()) as NearestShelters).shelters;
  const rows = new Map(shelterItems().map((s) => [s.id, s]));
  const first = withRoom.flatMap((s) => {
    const row = rows.get(s.id);
    return row ? [nearestRow(row.li, s.distanceM / 1000)] : [];
  });
  const taken = new Set(withRoom.map((s) => s.id));
  const others = shelterItems()
    .filter((s) => !taken.has(s.id) && (s.lat || s.lon))
    .map((s) => ({ ...s, d: km(from, s), full: levelOf(s.id) === "full" }))
    .sort((a, b) => Number(a.full) - Number(b.full) || a.d - b.d)
    .slice(0, Math.max(3, 8 - first.length));
  list.replaceChildren(
    ...(first.length ? first : [el("li", { class: "none" }, words.nearestNone)]),
    ...others.map((s) => nearestRow(s.li, s.d)),
  );
  byId("nearest").hidden = false;
  crowding()?.render();
}
function enhanceShelters() {
  const button = document.getElementById("nearest-button");
  if (button && "geolocation" in navigator) {
    button.hidden = false;
    button.addEventListener("click", () => {
      byId("nearest").hidden = false;
      byId("nearest-list").replaceChildren(el("li", {}, words.locating));
      navigator.geolocation.getCurrentPosition(
        (pos) => {
          here = { lat: pos.coords.latitude, lon: pos.coords.longitude };
          void showNearest();
        },
        () => byId("nearest-list").replaceChildren(el("li", {}, words.locationDenied)),
        { timeout: 15000, maximumAge: 300000 },
      );
    });
  }
  void showNearest();
  syncMap();
}

// --- the map: Leaflet and its clustering load only when the visitor opens it -----------
let shelterMap: { L: Leaflet; map: LeafletMap; cluster: ClusterGroup; pins: Map<string, Marker> } | null = null;
const levelOf = (id: string) => crowding()?.levelOf(id) ?? "unknown";
const loadFile = (node: HTMLLinkElement | HTMLScriptElement) =>
  new Promise((resolve, reject) => {
    node.onload = resolve;
    node.onerror = reject;
    document.head.append(node);
  });
const pinIcon = (L: Leaflet, level: string) =>
  L.divIcon({ className: `pin level-${level}`, iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -11] });
const pinTitle = (name: string, level: string) => `${name} (${words.crowding[level] || level})`;
/** A cluster takes the colour most of its shelters have, and says how many it holds. */
function clusterIcon(L: Leaflet, cluster: Cluster) {
  const counts: Record<string, number> = {};
  for (const m of cluster.getAllChildMarkers()) counts[m.options.level] = (counts[m.options.level] ?? 0) + 1;
  const level = Object.keys(counts).sort((a, b) => counts[b]! - counts[a]!)[0] || "unknown";
  return L.divIcon({ className: `cluster level-${level}`, html: `<span>${cluster.getChildCount()}</span>`, iconSize: [36, 36] });
}
async function openMap() {
  const box = document.getElementById("map");
  if (!box || shelterMap || !data.mapFiles) return;
  try {
    await Promise.all(data.mapFiles.styles.map((href) => loadFile(el("link", { rel: "stylesheet", href }))));
    // The clustering extends Leaflet: one after the other.
    for (const src of data.mapFiles.scripts) await loadFile(el("script", { src }));
  } catch {
    box.replaceChildren(el("p", { class: "help" }, words.mapFailed));
    return;
  }
  const L = window.L;
  if (!L) return;
  const map = L.map(box);
  L.tileLayer(box.dataset.tiles ?? "", { attribution: box.dataset.attribution ?? "", maxZoom: 18 }).addTo(map);
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
function drawPins(fit: boolean) {
  if (!shelterMap) return;
  const { L, map, cluster, pins } = shelterMap;
  const points = shelterItems().filter((s) => s.lat || s.lon);
  cluster.clearLayers();
  pins.clear();
  for (const s of points) {
    const link = s.li.querySelector("a");
    if (!link) continue;
    const name = link.textContent ?? "";
    const level = levelOf(s.id);
    const marker = L.marker([s.lat, s.lon], { icon: pinIcon(L, level), title: pinTitle(name, level), level });
    marker.bindPopup(() => el("a", { href: link.getAttribute("href") ?? "" }, name));
    marker.name = name;
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
const mapBox = document.getElementById("map-box") as HTMLDetailsElement | null;
if (mapBox)
  mapBox.addEventListener("toggle", () => {
    if (!mapBox.open) return;
    if (shelterMap) shelterMap.map.invalidateSize();
    else void openMap();
  });
document.addEventListener("crowding-rendered", recolourPins);

// --- counter services: their level, the counter's wait (live) and the online alternative ----
type Waiting = NonNullable<CounterService["waiting"]>;
/** A counter's waiting figure as the event stream carries it. */
interface WaitingFigure {
  serviceId: string;
  waiting: CounterService["waiting"];
}
// Other languages than Japanese and English read the English name after the Japanese one.
const serviceName = (s: CounterService) =>
  english && s.nameEn ? s.nameEn : !japanese && s.nameEn && s.name ? `${s.name} (${s.nameEn})` : s.name || s.id;
/** A waiting figure older than the gateway's stale setting says so. */
const isStale = (w: Waiting) => Date.now() - Date.parse(w.reportedAt ?? "") > (data.waitingStaleMinutes || 60) * 60000;
/** The counter's wait beside the online alternative, so a citizen can decide not to come. */
function counterAndOnline(s: CounterService) {
  const parts: (string | HTMLElement)[] = [];
  const w = s.waiting;
  if (w) {
    const figure =
      w.waiting !== null ? fill(words.waitingPeople, { n: w.waiting }) : fill(words.nextSlot, { t: cityTime(w.nextFreeSlot, data) });
    const age = reportAge(Date.parse(w.reportedAt ?? ""), words);
    const stale = isStale(w);
    parts.push(
      " ",
      el(
        "span",
        { class: stale ? "waiting stale" : "waiting" },
        figure + fill(words.reportedAgo, { age }) + (stale ? words.waitingStale : ""),
      ),
    );
  }
  const online = s.channels.find((c) => c.channel === "online");
  if (online) parts.push(" ", el("span", { class: "online" }, `${words.onlineChannel}: ${words.levels[online.level] || online.level}`));
  return parts;
}

/** The services as last read, by id; waiting figures from the event stream land here. */
const known = new Map<string, CounterService>();
function renderServices() {
  if (data.page === "status") {
    const section = document.getElementById("services");
    if (!section || !known.size) return;
    byId("services-list").replaceChildren(
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
  const s = data.page === "service" && data.serviceId ? known.get(data.serviceId) : undefined;
  if (s) {
    byId("service-name").textContent = serviceName(s);
    byId("service-body").replaceChildren(...counterAndOnline(s));
  }
}
function updateWaiting(figure: WaitingFigure) {
  const s = known.get(figure.serviceId);
  if (!s) return;
  s.waiting = figure.waiting;
  renderServices();
}

function keep(list: CounterService[]) {
  known.clear();
  for (const s of list) known.set(s.id, s);
}
/** Read the services when the page came without them, and after a reconnect (figures are not replayed). */
async function services() {
  if (data.page === "status" && document.getElementById("services")) {
    const res = await fetch("/api/v1/services").catch(() => null);
    if (!res?.ok) return;
    keep(((await res.json()) as CounterServices).services);
  }
  if (data.page === "service" && data.serviceId) {
    const res = await fetch(`/api/v1/services/${encodeURIComponent(data.serviceId)}`).catch(() => null);
    if (!res?.ok) {
      byId("service-body").textContent = words.notAvailable;
      return;
    }
    const s = (await res.json()) as CounterService;
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
  following = true;
  follow();
});
