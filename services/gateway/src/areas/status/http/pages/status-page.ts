import { ResidentLang, crowdingGlossary, isWard, residentLanguages, wardTerms, wards } from "@crisis/platform/contracts";
import { PublicFacility, PublicStatus } from "../../../../app/read-public-status";
import { assetUrl } from "../../../../adapters/http/assets";
import { crowdingSection } from "./crowding-section";
import {
  PageCrowding,
  PageService,
  crowdingForScript,
  crowdingLevel,
  crowdingText,
  serviceFigures,
  serviceName,
} from "../../../../adapters/http/page-parts/status-figures";
import { html } from "../../../../adapters/http/page-parts/html";
import { page } from "../../../../adapters/http/page-parts/layout";
import { facilityLink, freshness, modeLine, subscribePanel } from "../../../../adapters/http/page-parts/parts";
import { facilityRow } from "../../../../adapters/http/page-parts/facility-row";
import { clientWords } from "../../../../adapters/http/page-parts/client-words";
import {
  PageLanguage,
  markedHtml,
  pageLanguage,
  residentWords,
  sayText,
  termHtml,
  termText,
} from "../../../../adapters/http/page-parts/resident";

export interface StatusPageSettings {
  /** A slippy-map tile URL template ({z}/{x}/{y}); without one the shelters are a plain list. */
  tileUrl?: string;
  tileAttribution?: string;
  /** A counter's waiting figure older than this is shown as out of date. */
  waitingStaleMinutes?: number;
}

/** What the server knows besides the status: each drawn into the page, so the page script fetches nothing to show it. */
export interface StatusFigures {
  /** Every open (or reported) shelter's crowding; without it the page script reads it. */
  crowding?: PageCrowding[];
  /** The counter services with their waiting figures; without them the page script reads them. */
  services?: PageService[];
  /** Where the live status stood before this page was read: the page's event stream resumes from there. */
  position?: string;
}

const shelterItem = (f: PublicFacility, lang: ResidentLang, crowding: PageCrowding | undefined, now: number) => {
  const level = crowdingLevel(crowding);
  return html`<li data-id="${f.id}" data-lat="${f.latitude}" data-lon="${f.longitude}" data-level="${level}">
    ${facilityLink(f, lang)} <span class="crowding" data-level="${level}">${crowdingText(crowding, lang, now)}</span>
    <span class="address">${f.address}</span>
  </li>`;
};

const openShelters = (list: PublicFacility[]) => list.filter((f) => f.reading.state === "shelter_open");

/**
 * What to do now under the declaration (the playbook's guidance), right after the mode line. Always
 * present, hidden when there is none, so the page script can swap it when the mode changes.
 */
function whatToDo(guidance: PublicStatus["guidance"], lang: ResidentLang) {
  const lines = guidance?.[lang] ?? [];
  if (lines.length === 0) return html`<section id="guidance" hidden></section>`;
  return html`<section id="guidance" class="guidance" aria-labelledby="guidance-title">
    <h2 id="guidance-title">${residentWords(lang)("whatToDo")}</h2>
    <ul>
      ${lines.map((line) => html`<li>${markedHtml(line)}</li>`)}
    </ul>
  </section>`;
}

/** How many shelters are open, and the button that lists the nearest ones with room (GET /api/v1/shelters/nearest). */
function shelters(list: PublicFacility[], lang: ResidentLang) {
  const w = residentWords(lang);
  const open = openShelters(list);
  return html`<section id="shelters" aria-labelledby="shelters-title">
    <h2 id="shelters-title">${w("shelters")} <span class="count">${open.length}</span></h2>
    ${
      open.length === 0
        ? html`<p>${w("noShelters")}</p>`
        : // The button's place is kept while the script decides to show it, so nothing below it moves.
          html`<p class="nearest-slot"><button type="button" id="nearest-button" hidden>${w("nearest")}</button></p>
            <div id="nearest" hidden aria-live="polite">
              <h3>${w("nearestTitle")}</h3>
              <p class="help">${w("nearestHelp")}</p>
              <ol id="nearest-list"></ol>
            </div>`
    }
  </section>`;
}

/** Every open shelter by ward, folded, those with room before full ones: the long part of the page, below what a visitor needs first. */
function shelterLists(list: PublicFacility[], lang: ResidentLang, figures: StatusFigures, now: number) {
  const w = residentWords(lang);
  const crowding = new Map((figures.crowding ?? []).map((c) => [c.id, c]));
  const full = (f: PublicFacility) => Number(crowdingLevel(crowding.get(f.id)) === "full");
  const open = openShelters(list).sort((a, b) => full(a) - full(b));
  if (open.length === 0) return html`<section id="shelter-lists" hidden></section>`;
  // The five wards in their usual order; a shelter recorded under another name still shows, after them.
  const wardNames = [...wards, ...new Set(open.map((f) => f.ward).filter((ward) => !isWard(ward)))];
  const byWard = wardNames.map((ward) => ({ ward, items: open.filter((f) => f.ward === ward) })).filter((g) => g.items.length > 0);
  return html`<section id="shelter-lists" aria-labelledby="shelter-lists-title">
    <h2 id="shelter-lists-title">${w("shelterLists")}</h2>
    ${byWard.map(
      (g) =>
        html`<details class="ward" data-ward="${g.ward}">
          <summary>${termHtml(wardTerms, g.ward, lang)} <span class="count">${g.items.length}</span></summary>
          <ul class="places">
            ${g.items.map((f) => shelterItem(f, lang, crowding.get(f.id), now))}
          </ul>
        </details>`,
    )}
  </section>`;
}

/** The counter services, their waiting figures and online alternative; hidden until known (then the page script fills it). */
function counterServices(services: PageService[] | undefined, lang: ResidentLang, now: number) {
  const w = residentWords(lang);
  return html`<section id="services" aria-labelledby="services-title" ${services?.length ? "" : "hidden"}>
    <h2 id="services-title">${w("services")}</h2>
    <ul id="services-list" class="places">
      ${(services ?? []).map(
        (s) =>
          html`<li data-service="${s.id}">
            <a href="/services/${encodeURIComponent(s.id)}">${serviceName(s, lang)}</a>${serviceFigures(s, lang, now)}
          </li>`,
      )}
    </ul>
  </section>`;
}

/** Pins on the map in the crowding sections' order, most room first; "unknown" last. */
const legendOrder = ["open", "busy", "crowded", "full", "unknown"] as const;

/**
 * The open shelters on a map, folded: Leaflet (and its clustering) loads only when the visitor opens
 * it, so the page stays light. Kept out of the live parts so an open map survives a refresh; the
 * ward lists stay the accessible primary, the legend says what each pin colour means.
 */
function shelterMap(list: PublicFacility[], lang: ResidentLang, settings: StatusPageSettings) {
  if (!settings.tileUrl) return "";
  const w = residentWords(lang);
  return html`<section id="shelter-map" aria-label="${w("map")}" ${openShelters(list).length === 0 ? "hidden" : ""}>
    <details id="map-box">
      <summary>${w("map")}</summary>
      <div
        id="map"
        class="map"
        role="region"
        aria-label="${w("map")}"
        data-tiles="${settings.tileUrl}"
        data-attribution="${settings.tileAttribution ?? ""}"
      ></div>
      <ul id="map-legend" class="legend" aria-label="${w("mapLegend")}">
        ${legendOrder.map((level) => html`<li><span class="pin level-${level}" aria-hidden="true"></span>${termText(crowdingGlossary, level, lang)}</li>`)}
      </ul>
    </details>
  </section>`;
}

/** Facilities that changed, newest first, then a link to every facility on a page of its own (it would weigh down this one). */
function facilities(list: PublicFacility[], lang: ResidentLang) {
  const w = residentWords(lang);
  const changed = list
    .filter((f) => ["shelter_closed", "closed", "restricted"].includes(f.reading.state))
    .sort((a, b) => (b.reading.since ?? "").localeCompare(a.reading.since ?? ""));
  return html`<section id="facilities" aria-labelledby="facilities-title">
    <h2 id="facilities-title">${w("changes")}</h2>
    ${
      changed.length === 0
        ? html`<p>${w("noChanges")}</p>`
        : html`<ul class="places">
            ${changed.map((f) => facilityRow(f, lang))}
          </ul>`
    }
    <p><a href="/facilities">${w("allFacilities", { n: list.length })}</a></p>
  </section>`;
}

/**
 * `/`: the mode in one line, what to do now, the nearest shelters with room, crowding by ward, counter services,
 * then the shelters by ward (folded), facilities that changed with a link to them all, and subscribe.
 */
export function statusPage(
  status: PublicStatus,
  language: ResidentLang | PageLanguage,
  settings: StatusPageSettings,
  figures: StatusFigures = {},
): string {
  const { lang, fellBack } = pageLanguage(language);
  const now = Date.parse(status.generatedAt);
  return page({
    lang,
    fellBack,
    languages: residentLanguages,
    title: sayText(lang, "site"),
    path: "/",
    scripts: ["/assets/crowding.js", "/assets/status.js", "/assets/push.js", "/assets/subscribe.js"],
    data: {
      words: clientWords(lang),
      page: "status",
      waitingStaleMinutes: settings.waitingStaleMinutes,
      ...(settings.tileUrl && { mapFiles: mapFiles() }),
      ...(figures.crowding && { crowding: crowdingForScript(figures.crowding) }),
      ...(figures.services && { services: figures.services }),
      ...(figures.position && { position: figures.position }),
    },
    // Phone order: what a person needs first (where there is room) before the long lists.
    body: html`${modeLine(status.mode, lang)} ${whatToDo(status.guidance, lang)} ${freshness(status.generatedAt, lang)}
    ${shelters(status.facilities, lang)} ${crowdingSection(lang, figures.crowding)} ${counterServices(figures.services, lang, now)}
    ${shelterMap(status.facilities, lang, settings)} ${shelterLists(status.facilities, lang, figures, now)}
    ${facilities(status.facilities, lang)} ${subscribePanel(lang)}`,
  });
}

/** What the map needs, by hashed name: fetched by status.js when the visitor opens the map. */
const mapFiles = () => ({
  styles: ["/assets/vendor/leaflet/leaflet.css", "/assets/vendor/markercluster/MarkerCluster.css", "/assets/map.css"].map(assetUrl),
  scripts: ["/assets/vendor/leaflet/leaflet.js", "/assets/vendor/markercluster/leaflet.markercluster.js"].map(assetUrl),
});
