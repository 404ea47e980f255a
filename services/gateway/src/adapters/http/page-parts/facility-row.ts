import { ResidentLang, reasonIn } from "@crisis/platform/contracts";
import { PublicFacility } from "../../../app/read-public-status";
import { html } from "./html";
import { facilityLink, ordinaryUse, stateBadge } from "./parts";
import { markedHtml, residentTime, residentWords, sayText } from "./resident";

/** One facility in a list: its link, its state from its one reading, the first reason (a playbook's in the reader's language) and since when. */
export function facilityRow(f: PublicFacility, lang: ResidentLang) {
  const w = residentWords(lang);
  const use = ordinaryUse(f.reading, lang);
  const reason = f.reading.reasons[0];
  // After the ordinary use, the reason is set off by the language's separator ("closed; shelter opened"), else the two run together.
  const why = reason
    ? html`${use ? sayText(lang, "reasonSeparator") : ""}<span class="reason">${markedHtml(reasonIn(reason, lang))}</span>`
    : "";
  return html`<li data-id="${f.id}" data-state="${f.reading.state}">
    ${facilityLink(f, lang)} ${stateBadge(f.reading, lang)} ${use}${why}
    ${f.reading.since ? html`<span class="when">${w("since", { time: residentTime(f.reading.since, lang) })}</span>` : ""}
  </li>`;
}
