import { ResidentLang } from "@crisis/platform/contracts";
import { html } from "./html";
import { sayHtml } from "./resident";

/**
 * The crowding of open shelters (空き/やや混雑/混雑/満) by ward: filled from GET /api/v1/shelters
 * by /assets/crowding.js and kept live from the event stream, hidden until a shelter is open.
 */
export function crowdingSection(lang: ResidentLang) {
  return html`<section id="crowding" aria-labelledby="crowding-title" hidden>
    <h2 id="crowding-title">${sayHtml(lang, "crowdingTitle")}</h2>
    <ul id="crowding-wards" class="places"></ul>
  </section>`;
}
