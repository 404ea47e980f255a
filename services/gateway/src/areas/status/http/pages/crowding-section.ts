import { ResidentLang } from "@crisis/platform/contracts";
import { html } from "../../../../adapters/http/page-parts/html";
import { sayHtml } from "../../../../adapters/http/page-parts/resident";
import { PageCrowding, wardCrowdingLines } from "../../../../adapters/http/page-parts/status-figures";

/**
 * The crowding of open shelters (空き/やや混雑/混雑/満) by ward, rendered with the page so it shows at
 * once and moves nothing; /assets/crowding.js keeps it live from the event stream. Hidden while no
 * shelter is open.
 */
export function crowdingSection(lang: ResidentLang, crowding: PageCrowding[] = []) {
  const lines = wardCrowdingLines(crowding, lang);
  return html`<section id="crowding" aria-labelledby="crowding-title" ${lines.length === 0 ? "hidden" : ""}>
    <h2 id="crowding-title">${sayHtml(lang, "crowdingTitle")}</h2>
    <ul id="crowding-wards" class="places">
      ${lines.map((l) => html`<li data-ward="${l.ward}">${l.text}</li>`)}
    </ul>
  </section>`;
}
