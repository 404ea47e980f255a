import { ResidentLang, categoryGlossary, reasonIn, residentLanguages, wardTerms } from "@crisis/platform/contracts";
import { PublicFacility, PublicStatus } from "../../../../app/read-public-status";
import { CrowdingHere } from "../../../../app/read-crowding";
import { html } from "../../../../adapters/http/page-parts/html";
import { shelterCrowding } from "./shelter-crowding";
import { page } from "../../../../adapters/http/page-parts/layout";
import { notFoundPage } from "../../../../adapters/http/page-parts/not-found-page";
import { freshness, modeLine, ordinaryUse, placeName, stateBadge, subscribePanel } from "../../../../adapters/http/page-parts/parts";
import { clientWords } from "../../../../adapters/http/page-parts/client-words";
import {
  PageLanguage,
  markedHtml,
  pageLanguage,
  residentTime,
  residentWords,
  sayText,
  termHtml,
} from "../../../../adapters/http/page-parts/resident";

/** `/facilities/{id}`: one facility's status, where it is, and a panel to follow it (pushes link here). */
export function facilityPage(
  status: PublicStatus,
  facility: PublicFacility | undefined,
  language: ResidentLang | PageLanguage,
  crowding?: CrowdingHere,
  /** Where the live status stood before the page was read (its event stream resumes there). */
  position?: string,
): string {
  const { lang, fellBack } = pageLanguage(language);
  const w = residentWords(lang);
  const shell = { lang, fellBack, languages: residentLanguages };
  if (!facility) return notFoundPage({ lang, fellBack }, "facilityNotFound");
  const reading = facility.reading;
  const osm = `https://www.openstreetmap.org/?mlat=${facility.latitude}&mlon=${facility.longitude}#map=17/${facility.latitude}/${facility.longitude}`;
  return page({
    ...shell,
    title: `${sayText(lang, "site")}: ${facility.name}`,
    path: `/facilities/${encodeURIComponent(facility.id)}`,
    scripts: ["/assets/status.js", "/assets/push.js", "/assets/subscribe.js"],
    data: { words: clientWords(lang), page: "facility", facilityId: facility.id, ...(position && { position }) },
    body: html`${modeLine(status.mode, lang)} ${freshness(status.generatedAt, lang)}
      <article id="facility" data-id="${facility.id}">
        <h1>${placeName(facility, lang)}</h1>
        <p class="big" id="facility-state">${stateBadge(reading, lang)} ${ordinaryUse(reading, lang)}</p>
        ${shelterCrowding(crowding, lang)}
        <dl class="facts">
          ${
            reading.reasons.length > 0
              ? html`<dt>${w("reason")}</dt>
                  <dd>${markedHtml(reading.reasons.map((r) => reasonIn(r, lang)).join(sayText(lang, "reasonSeparator")))}</dd>`
              : ""
          }
          ${
            reading.since
              ? html`<dt>${w("changedAt")}</dt>
                  <dd>${residentTime(reading.since, lang)}</dd>`
              : ""
          }
          <dt>${w("category")}</dt>
          <dd>${termHtml(categoryGlossary, facility.category, lang)}</dd>
          <dt>${w("ward")}</dt>
          <dd>${termHtml(wardTerms, facility.ward, lang)}</dd>
          <dt>${w("address")}</dt>
          <dd>${facility.address}</dd>
          <dt>${w("designatedShelter")}</dt>
          <dd>${facility.designatedShelter ? w("yes") : w("no")}</dd>
        </dl>
        <p><a href="${osm}" rel="noopener">${w("openMap")}</a></p>
        <p><a href="/">${w("back")}</a></p>
      </article>
      ${subscribePanel(lang, facility)}`,
  });
}
