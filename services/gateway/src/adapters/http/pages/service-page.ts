import { ResidentLang, residentLanguages, staffLang } from "@crisis/platform/contracts";
import { PublicStatus } from "../../../app/read-public-status";
import { html } from "./html";
import { page } from "./layout";
import { freshness, modeLine } from "./parts";
import { clientWords } from "./status-page";
import { PageLanguage, pageLanguage, residentWords, sayText } from "./resident";
import { counterLinks } from "./counter-links";
import { counterWords } from "./counter-words";
import { ExpectedWaiting } from "../../../domain/expected-waiting";
import { betterTimeSection } from "./better-time-section";

/**
 * `/services/{id}`: a counter service. The service catalogue is read by the page script from
 * `/api/v1/services/{id}` once the facilities service offers it; until then the page says so.
 */
export function servicePage(
  status: PublicStatus,
  serviceId: string,
  language: ResidentLang | PageLanguage,
  expected?: ExpectedWaiting,
): string {
  const { lang, fellBack } = pageLanguage(language);
  const w = residentWords(lang);
  return page({
    lang,
    fellBack,
    languages: residentLanguages,
    title: `${sayText(lang, "service")} — ${sayText(lang, "site")}`,
    path: `/services/${encodeURIComponent(serviceId)}`,
    scripts: ["/assets/status.js", "/assets/push.js", "/assets/better-time.js"],
    styles: ["/assets/counters.css"],
    data: { words: clientWords(lang), page: "service", serviceId, lang, betterTime: counterWords(staffLang(lang)) },
    body: html`${modeLine(status.mode, lang)} ${freshness(status.generatedAt, lang)}
      <article id="service" data-id="${serviceId}">
        <h1 id="service-name">${w("service")}</h1>
        <p id="service-body">${w("serviceLoading")}</p>
        ${counterLinks(serviceId, staffLang(lang))} ${betterTimeSection(expected, staffLang(lang))}
        <noscript><p>${w("servicesUnavailable")}</p></noscript>
        <p><a href="/">${w("back")}</a></p>
      </article>`,
  });
}
