import {
  Lang,
  categories,
  categoryWord,
  channelWords,
  isWard,
  serviceLevelNames,
  serviceLevelTerms,
  wardWord,
  wards,
} from "@crisis/platform/contracts";
import { PublicFacility, PublicStatus } from "../../../app/read-public-status";
import { crowdingSection } from "./crowding-section";
import { html } from "./html";
import { page } from "./layout";
import { facilityLink, freshness, modeLine, ordinaryUse, stateBadge, subscribePanel } from "./parts";
import { pageWords, tokyoTime } from "./words";

export interface StatusPageSettings {
  /** A slippy-map tile URL template ({z}/{x}/{y}); without one the shelters are a plain list. */
  tileUrl?: string;
  tileAttribution?: string;
}

const shelterItem = (f: PublicFacility) =>
  html`<li data-id="${f.id}" data-lat="${f.latitude}" data-lon="${f.longitude}">
    ${facilityLink(f)} <span class="address">${f.address}</span>
  </li>`;

function shelters(list: PublicFacility[], lang: Lang, settings: StatusPageSettings) {
  const w = pageWords(lang);
  const open = list.filter((f) => f.reading.state === "shelter_open");
  // The five wards in their usual order; a shelter recorded under another name still shows, after them.
  const wardNames = [...wards, ...new Set(open.map((f) => f.ward).filter((ward) => !isWard(ward)))];
  const byWard = wardNames.map((ward) => ({ ward, items: open.filter((f) => f.ward === ward) })).filter((g) => g.items.length > 0);
  return html`<section id="shelters" aria-labelledby="shelters-title">
    <h2 id="shelters-title">${w.shelters} <span class="count">${open.length}</span></h2>
    ${open.length === 0 ? html`<p>${w.noShelters}</p>` : ""}
    ${
      open.length > 0
        ? html`${settings.tileUrl ? html`<div id="map" class="map" role="region" aria-label="${w.map}" data-tiles="${settings.tileUrl}" data-attribution="${settings.tileAttribution ?? ""}"></div>` : ""}
            <p><button type="button" id="nearest-button" hidden>${w.nearest}</button></p>
            <div id="nearest" hidden aria-live="polite">
              <h3>${w.nearestTitle}</h3>
              <ol id="nearest-list"></ol>
            </div>
            ${byWard.map(
              (g) =>
                html`<details class="ward" open>
                  <summary>${wardWord(g.ward, lang)} <span class="count">${g.items.length}</span></summary>
                  <ul class="places">
                    ${g.items.map(shelterItem)}
                  </ul>
                </details>`,
            )}`
        : ""
    }
  </section>`;
}

function facilities(list: PublicFacility[], lang: Lang) {
  const w = pageWords(lang);
  const changed = list
    .filter((f) => ["shelter_closed", "closed", "restricted"].includes(f.reading.state))
    .sort((a, b) => (b.reading.since ?? "").localeCompare(a.reading.since ?? ""));
  const row = (f: PublicFacility) =>
    html`<li data-id="${f.id}" data-state="${f.reading.state}">
      ${facilityLink(f)} ${stateBadge(f.reading, lang)} ${ordinaryUse(f.reading, lang)}
      ${f.reading.reasons[0] ? html`<span class="reason">${f.reading.reasons[0]}</span>` : ""}
      ${f.reading.since ? html`<span class="when">${tokyoTime(f.reading.since, lang)} ${w.since}</span>` : ""}
    </li>`;
  const byCategory = categories.map((c) => ({ c, items: list.filter((f) => f.category === c) })).filter((g) => g.items.length > 0);
  return html`<section id="facilities" aria-labelledby="facilities-title">
    <h2 id="facilities-title">${w.changes}</h2>
    ${
      changed.length === 0
        ? html`<p>${w.noChanges}</p>`
        : html`<ul class="places">
            ${changed.map(row)}
          </ul>`
    }
    <details id="all-facilities">
      <summary>${w.allFacilities(list.length)}</summary>
      ${byCategory.map(
        (g) =>
          html`<h3>${categoryWord(g.c, lang)}</h3>
            <ul class="places compact">
              ${g.items.map(row)}
            </ul>`,
      )}
    </details>
  </section>`;
}

/** `/`: the mode in one line, open shelters by ward, facilities that changed, services, subscribe. */
export function statusPage(status: PublicStatus, lang: Lang, settings: StatusPageSettings): string {
  const w = pageWords(lang);
  return page({
    lang,
    title: w.site,
    path: "/",
    styles: settings.tileUrl ? ["/assets/vendor/leaflet/leaflet.css"] : [],
    scripts: [
      ...(settings.tileUrl ? ["/assets/vendor/leaflet/leaflet.js"] : []),
      "/assets/status.js",
      "/assets/push.js",
      "/assets/subscribe.js",
      "/assets/crowding.js",
    ],
    data: { words: clientWords(lang), page: "status" },
    body: html`${modeLine(status.mode, lang)} ${freshness(status.generatedAt, lang)} ${shelters(status.facilities, lang, settings)}
      ${crowdingSection(lang)} ${facilities(status.facilities, lang)}
      <section id="services" aria-labelledby="services-title" hidden>
        <h2 id="services-title">${w.services}</h2>
        <ul id="services-list" class="places"></ul>
      </section>
      ${subscribePanel(lang)}`,
  });
}

/** The few words the page scripts write themselves. */
export function clientWords(lang: Lang) {
  const w = pageWords(lang);
  return {
    locating: w.locating,
    locationDenied: w.locationDenied,
    subscribed: w.subscribed,
    unsubscribed: w.unsubscribed,
    subscribeFailed: w.subscribeFailed,
    chooseTopic: w.chooseTopic,
    online: w.online,
    waitingPeople: w.waitingPeople,
    nextSlot: w.nextSlot,
    reportedAgo: w.reportedAgo,
    onlineChannel: channelWords.online[lang],
    levels: Object.fromEntries(serviceLevelNames.map((n) => [n, serviceLevelTerms[n][lang]])),
    notAvailable: w.notAvailable,
    live: w.live,
    offlineTemplate: w.offline("{t}", "{age}"),
    minutesTemplate: lang === "ja" ? "{n} 分" : "{n} min",
    asOfTemplate: w.asOf("{t}"),
  };
}
