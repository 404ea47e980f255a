import { Lang, crowdingNames, crowdingTerms, wardWords, wards } from "@crisis/platform/contracts";
import { html } from "./html";

const titles = { ja: "避難所の混雑状況", en: "How full the shelters are" } satisfies Record<Lang, string>;
const staleWords = { ja: "情報が古い", en: "report out of date" } satisfies Record<Lang, string>;

/**
 * The crowding of open shelters (空き/やや混雑/混雑/満), by ward and by shelter: filled from
 * GET /api/v1/shelters by /assets/crowding.js, hidden until a shelter is open.
 */
export function crowdingSection(lang: Lang) {
  const words = {
    levels: Object.fromEntries(crowdingNames.map((n) => [n, crowdingTerms[n][lang]])),
    wards: Object.fromEntries(wards.map((w) => [w, wardWords[w][lang]])),
    stale: staleWords[lang],
  };
  return html`<section id="crowding" aria-labelledby="crowding-title" data-words="${JSON.stringify(words)}" hidden>
    <h2 id="crowding-title">${titles[lang]}</h2>
    <ul id="crowding-wards" class="places"></ul>
    <ul id="crowding-list" class="places"></ul>
  </section>`;
}
