import { ResidentLang, reasonIn } from "@crisis/platform/contracts";
import { PublicFacility } from "../../../app/read-public-status";
import { html } from "./html";
import { facilityLink, ordinaryUse, stateBadge } from "./parts";
import { markedHtml, residentTime, residentWords } from "./resident";

/** One facility in a list: its link, its state from its one reading, the first reason (a playbook's in the reader's language) and since when. */
export function facilityRow(f: PublicFacility, lang: ResidentLang) {
  const w = residentWords(lang);
  return html`<li data-id="${f.id}" data-state="${f.reading.state}">
    ${facilityLink(f, lang)} ${stateBadge(f.reading, lang)} ${ordinaryUse(f.reading, lang)}
    ${f.reading.reasons[0] ? html`<span class="reason">${markedHtml(reasonIn(f.reading.reasons[0], lang))}</span>` : ""}
    ${f.reading.since ? html`<span class="when">${w("since", { time: residentTime(f.reading.since, lang) })}</span>` : ""}
  </li>`;
}
