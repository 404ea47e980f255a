import { Lang, crowdingTerms, wardWord } from "@crisis/platform/contracts";
import { CrowdingHere } from "../../../app/read-crowding";
import { html } from "./html";
import { pageWords } from "./words";

const levelWord = (level: string, lang: Lang) =>
  Object.hasOwn(crowdingTerms, level) ? crowdingTerms[level as keyof typeof crowdingTerms][lang] : level;

const distance = (m: number, lang: Lang) => (lang === "ja" ? `${(m / 1000).toFixed(1)} km` : `${(m / 1000).toFixed(1)} km away`);

/**
 * A shelter's crowding on its own page: the level (満 when full), the headcount and how old the
 * report is; when full, the nearest shelters with room and how far they are.
 */
export function shelterCrowding(crowding: CrowdingHere | undefined, lang: Lang) {
  // A shelter never opened and never reported on has no crowding to tell.
  if (!crowding || (!crowding.here.open && !crowding.here.latest)) return "";
  const w = pageWords(lang);
  const { here, nearest } = crowding;
  const latest = here.latest;
  const level = latest?.stale ? "unknown" : here.level;
  const counts = latest ? (here.capacity === null ? `${latest.headcount}` : `${latest.headcount}/${here.capacity}`) : "";
  return html`<section id="crowding-here" class="panel" aria-labelledby="crowding-here-title" data-level="${level}">
    <h2 id="crowding-here-title">${w.crowdingHere}</h2>
    <p class="big">
      <span class="crowding-level level-${level}">${levelWord(level, lang)}</span>
      ${counts ? html`<span class="counts">${w.people(counts)}</span>` : ""}
    </p>
    <p class="when" id="crowding-age">
      ${latest ? html`${w.reportedMinutesAgo(Math.floor(latest.ageSeconds / 60))}${latest.stale ? html` — ${w.reportStale}` : ""}` : w.occupancyNone}
    </p>
    ${
      here.level === "full"
        ? html`<h3>${w.nearestWithRoom}</h3>
            ${
              nearest.length === 0
                ? html`<p>${w.noneWithRoom}</p>`
                : html`<ol id="nearest-with-room" class="places">
                    ${nearest.map(
                      (s) =>
                        html`<li data-id="${s.id}">
                          <a href="${s.link}">${s.name}</a> <span class="crowding-level level-${s.level}">${levelWord(s.level, lang)}</span>
                          <span class="distance">${distance(s.distanceM, lang)}</span>
                          <span class="address">${wardWord(s.ward, lang)}</span>
                        </li>`,
                    )}
                  </ol>`
            }`
        : ""
    }
  </section>`;
}
