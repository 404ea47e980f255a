import {
  FacilityReading,
  Lang,
  categories,
  categoryWord,
  incidentTerms,
  levelTerms,
  ordinaryUseLine,
  stateWord,
  wardWord,
  wards,
} from "@crisis/platform/contracts";
import { PublicFacility, PublicStatus } from "../../../app/read-public-status";
import { html } from "./html";
import { pageWords, cityTime } from "./words";

type Mode = PublicStatus["mode"];

const wordOf = <T extends Record<string, Record<Lang, string>>>(terms: T, key: string | null, lang: Lang) =>
  key && Object.hasOwn(terms, key) ? terms[key][lang] : (key ?? "");

/** A facility's state as the one reading tells it: a coloured word. */
export const stateBadge = (reading: Pick<FacilityReading, "state">, lang: Lang) =>
  html`<span class="status status-${reading.state}">${stateWord(reading.state, lang)}</span>`;

/** The building's ordinary use, after a shelter operation that leads ("施設の利用: 通常どおり開館"). */
export const ordinaryUse = (reading: FacilityReading, lang: Lang) => {
  const line = ordinaryUseLine(reading, lang);
  return line ? html`<span class="use">${line}</span>` : "";
};

/** The city's mode in one line, coloured by level; the page script replaces it when the mode changes. */
export function modeLine(mode: Mode, lang: Lang) {
  const w = pageWords(lang);
  if (mode.level === "normal") {
    return html`<p id="mode" class="mode level-normal" data-level="normal">${w.modeNormal}</p>`;
  }
  const where = mode.wards.length === 0 ? w.allWards : mode.wards.map((ward) => wardWord(ward, lang)).join(lang === "ja" ? "・" : ", ");
  return html`<p id="mode" class="mode level-${mode.level}" data-level="${mode.level}">
    <strong>${wordOf(incidentTerms, mode.incident, lang)} ${wordOf(levelTerms, mode.level, lang)}</strong>
    <span>（${where}）</span> <span class="reason">${mode.reason}</span>
    <span class="when">${cityTime(mode.declaredAt, lang)} ${w.declaredAt}</span>
  </p>`;
}

/** How old what the page shows is; the page script turns it into an offline notice when needed. */
export const freshness = (generatedAt: string, lang: Lang) =>
  html`<p id="freshness" class="freshness" data-generated-at="${generatedAt}" role="status">
    ${pageWords(lang).asOf(cityTime(generatedAt, lang))}
  </p>`;

/** A facility's name in the page's language: its English name on English pages where the city gives one. */
export const placeName = (f: Pick<PublicFacility, "name" | "nameEn">, lang: Lang) => (lang === "en" && f.nameEn ? f.nameEn : f.name);

export const facilityLink = (f: Pick<PublicFacility, "id" | "name" | "nameEn">, lang: Lang) =>
  html`<a href="/facilities/${encodeURIComponent(f.id)}">${placeName(f, lang)}</a>`;

/**
 * Where a visitor chooses what to be told about. Hidden until the page script has checked that
 * the browser can receive pushes; without JavaScript the noscript line says why nothing happens.
 */
export function subscribePanel(lang: Lang, facility?: PublicFacility) {
  const w = pageWords(lang);
  const box = (name: string, value: string, label: string, checked = false) =>
    html`<label class="choice"><input type="checkbox" name="${name}" value="${value}" ${checked ? html` checked` : ""} /> ${label}</label>`;
  return html`<section id="subscribe" class="panel" aria-labelledby="subscribe-title">
    <h2 id="subscribe-title">${w.subscribe}</h2>
    <noscript><p>${w.subscribeNoScript}</p></noscript>
    <p id="subscribe-unsupported" hidden>${w.subscribeUnsupported}</p>
    <form id="subscribe-form" hidden>
      <p>${w.subscribeIntro}</p>
      <p class="help">${w.subscribeWhat}</p>
      ${
        facility
          ? html`<fieldset>
              <legend>${w.thisFacility}</legend>
              ${box("topic", `facility:${facility.id}`, placeName(facility, lang), true)}
            </fieldset>`
          : ""
      }
      <fieldset>
        <legend>${w.wards}</legend>
        ${wards.map((ward) => box("topic", `ward:${ward}`, wardWord(ward, lang)))}
      </fieldset>
      <fieldset>
        <legend>${w.categories}</legend>
        ${box("topic", "category:shelter", w.shelterTopic, !facility)}${categories.map((c) =>
          box("topic", `category:${c}`, categoryWord(c, lang)),
        )}
      </fieldset>
      <p>
        <label for="subscribe-lang">${w.language}</label>
        <select id="subscribe-lang" name="lang">
          <option value="ja" ${lang === "ja" ? html` selected` : ""}>日本語</option>
          <option value="en" ${lang === "en" ? html` selected` : ""}>English</option>
        </select>
      </p>
      <p class="buttons">
        <button type="submit" id="subscribe-button">${w.subscribeButton}</button>
        <button type="button" id="unsubscribe-button" hidden>${w.unsubscribeButton}</button>
      </p>
      <p id="subscribe-result" role="status"></p>
    </form>
  </section>`;
}
