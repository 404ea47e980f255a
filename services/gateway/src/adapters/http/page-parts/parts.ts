import {
  FacilityReading,
  ResidentLang,
  categories,
  categoryGlossary,
  nativeNames,
  residentLanguages,
  incidentGlossary,
  levelGlossary,
  stateGlossary,
  useGlossary,
  wardTerms,
  wards,
} from "@crisis/platform/contracts";
import { PublicFacility, PublicStatus } from "../../../app/read-public-status";
import { Html, html } from "./html";
import { nameHtml, residentTime, residentWords, sayHtml, termHtml } from "./resident";

type Mode = PublicStatus["mode"];

/** A facility's state as the one reading tells it: a coloured word. */
export const stateBadge = (reading: Pick<FacilityReading, "state">, lang: ResidentLang) =>
  html`<span class="status status-${reading.state}">${termHtml(stateGlossary, reading.state, lang)}</span>`;

/** The building's ordinary use, after a shelter operation that leads ("施設の利用: 通常どおり開館"). */
export const ordinaryUse = (reading: FacilityReading, lang: ResidentLang) => {
  if (!reading.shelterFirst || !reading.use) return "";
  return html`<span class="use">${sayHtml(lang, "ordinaryUse", { use: termHtml(useGlossary, reading.use, lang) })}</span>`;
};

/** The city's mode in one line, coloured by level; the page script replaces it when the mode changes. */
export function modeLine(mode: Mode, lang: ResidentLang) {
  const w = residentWords(lang);
  if (mode.level === "normal") {
    return html`<p id="mode" class="mode level-normal" data-level="normal">${w("modeNormal")}</p>`;
  }
  const where =
    mode.wards.length === 0
      ? w("allWards")
      : mode.wards.map((ward, i) => html`${i > 0 ? w("listSeparator") : ""}${termHtml(wardTerms, ward, lang)}`);
  return html`<p id="mode" class="mode level-${mode.level}" data-level="${mode.level}">
    <strong>${termHtml(incidentGlossary, mode.incident, lang)} ${termHtml(levelGlossary, mode.level, lang)}</strong>
    <span>（${where}）</span> <span class="reason">${mode.reason}</span>
    <span class="when">${w("declaredAt", { time: residentTime(mode.declaredAt, lang) })}</span>
  </p>`;
}

/** How old what the page shows is; the page script turns it into an offline notice when needed. */
export const freshness = (generatedAt: string, lang: ResidentLang) =>
  html`<p id="freshness" class="freshness" data-generated-at="${generatedAt}" role="status">
    ${sayHtml(lang, "asOf", { time: residentTime(generatedAt, lang) })}
  </p>`;

/** A facility's name in the page's language: its English name where the city gives one, its reading otherwise. */
export const placeName = (f: Pick<PublicFacility, "name" | "nameEn">, lang: ResidentLang) => nameHtml(lang, f.name, f.nameEn);

export const facilityLink = (f: Pick<PublicFacility, "id" | "name" | "nameEn">, lang: ResidentLang) =>
  html`<a href="/facilities/${encodeURIComponent(f.id)}">${placeName(f, lang)}</a>`;

/**
 * Where a visitor chooses what to be told about. Hidden until the page script has checked that
 * the browser can receive pushes; without JavaScript the noscript line says why nothing happens.
 * The language of the pushes is the page's, and can be changed to any resident language.
 */
export function subscribePanel(lang: ResidentLang, facility?: PublicFacility) {
  const w = residentWords(lang);
  const box = (name: string, value: string, label: Html, checked = false) =>
    html`<label class="choice"><input type="checkbox" name="${name}" value="${value}" ${checked ? html` checked` : ""} /> ${label}</label>`;
  return html`<section id="subscribe" class="panel" aria-labelledby="subscribe-title">
    <h2 id="subscribe-title">${w("subscribe")}</h2>
    <noscript><p>${w("subscribeNoScript")}</p></noscript>
    <p id="subscribe-unsupported" hidden>${w("subscribeUnsupported")}</p>
    <form id="subscribe-form" hidden>
      <p>${w("subscribeIntro")}</p>
      <p class="help">${w("subscribeWhat")}</p>
      ${
        facility
          ? html`<fieldset>
              <legend>${w("thisFacility")}</legend>
              ${box("topic", `facility:${facility.id}`, placeName(facility, lang), true)}
            </fieldset>`
          : ""
      }
      <fieldset>
        <legend>${w("wards")}</legend>
        ${wards.map((ward) => box("topic", `ward:${ward}`, termHtml(wardTerms, ward, lang)))}
      </fieldset>
      <fieldset>
        <legend>${w("categories")}</legend>
        ${box("topic", "category:shelter", w("shelterTopic"), !facility)}${categories.map((c) =>
          box("topic", `category:${c}`, termHtml(categoryGlossary, c, lang)),
        )}
      </fieldset>
      <p>
        <label for="subscribe-lang">${w("language")}</label>
        <select id="subscribe-lang" name="lang">
          ${languageOptions(lang)}
        </select>
      </p>
      <p class="buttons">
        <button type="submit" id="subscribe-button">${w("subscribeButton")}</button>
        <button type="button" id="unsubscribe-button" hidden>${w("unsubscribeButton")}</button>
      </p>
      <p id="subscribe-result" role="status"></p>
    </form>
  </section>`;
}

/** Each resident language in its own script, the page's chosen. */
const languageOptions = (lang: ResidentLang) =>
  residentLanguages.map(
    (option) => html`<option value="${option}" lang="${option}" ${option === lang ? html` selected` : ""}>${nativeNames[option]}</option>`,
  );
