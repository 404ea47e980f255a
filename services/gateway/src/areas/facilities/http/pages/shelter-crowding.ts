import { ResidentLang, crowdingGlossary, wardTerms } from "@crisis/platform/contracts";
import { CrowdingHere } from "../../../../app/read-crowding";
import { html } from "../../../../adapters/http/page-parts/html";
import { ageIn } from "../../../../domain/report-age";
import { nameHtml, residentWords, termHtml } from "../../../../adapters/http/page-parts/resident";

const levelWord = (level: string, lang: ResidentLang) => termHtml(crowdingGlossary, level, lang);

/**
 * A shelter's crowding on its own page: the level (満 when full), the headcount and how old the
 * report is; when full, the nearest shelters with room and how far they are.
 */
export function shelterCrowding(crowding: CrowdingHere | undefined, lang: ResidentLang) {
  // A shelter never opened and never reported on has no crowding to tell.
  if (!crowding || (!crowding.here.open && !crowding.here.latest)) return "";
  const w = residentWords(lang);
  const { here, nearest } = crowding;
  const latest = here.latest;
  const level = latest?.stale ? "unknown" : here.level;
  const counts = latest ? (here.capacity === null ? `${latest.headcount}` : `${latest.headcount}/${here.capacity}`) : "";
  return html`<section id="crowding-here" class="panel" aria-labelledby="crowding-here-title" data-level="${level}">
    <h2 id="crowding-here-title">${w("crowdingHere")}</h2>
    <p class="big">
      <span class="crowding-level level-${level}">${levelWord(level, lang)}</span>
      ${counts ? html`<span class="counts">${w("people", { counts })}</span>` : ""}
    </p>
    <p class="when" id="crowding-age">
      ${
        latest
          ? html`${w("reportedMinutesAgo", { age: ageIn(Math.floor(latest.ageSeconds / 60), w) })}${latest.stale ? html` — ${w("reportStale")}` : ""}`
          : w("noReportYet")
      }
    </p>
    ${
      here.level === "full"
        ? html`<h3>${w("nearestWithRoom")}</h3>
            ${
              nearest.length === 0
                ? html`<p>${w("noneWithRoom")}</p>`
                : html`<ol id="nearest-with-room" class="places">
                    ${nearest.map(
                      (s) =>
                        html`<li data-id="${s.id}">
                          <a href="${s.link}">${nameHtml(lang, s.name)}</a>
                          <span class="crowding-level level-${s.level}">${levelWord(s.level, lang)}</span>
                          <span class="distance">${w("distanceAway", { km: (s.distanceM / 1000).toFixed(1) })}</span>
                          <span class="address">${termHtml(wardTerms, s.ward, lang)}</span>
                        </li>`,
                    )}
                  </ol>`
            }`
        : ""
    }
  </section>`;
}
