import { ResidentLang, residentLanguages } from "@crisis/platform/contracts";
import { PublicStatus } from "../../../../app/read-public-status";
import { html } from "../../../../adapters/http/page-parts/html";
import { page } from "../../../../adapters/http/page-parts/layout";
import { notFoundPage } from "../../../../adapters/http/page-parts/not-found-page";
import { freshness, modeLine } from "../../../../adapters/http/page-parts/parts";
import { clientWords } from "../../../../adapters/http/page-parts/client-words";
import { PageLanguage, pageLanguage, residentWords, sayText } from "../../../../adapters/http/page-parts/resident";
import { counterLinks } from "./counter-links";
import { counterScriptWords } from "./counter-shell";
import { ExpectedWaiting } from "../../domain/expected-waiting";
import { betterTimeSection } from "./better-time-section";
import { PageService, serviceFigures, serviceName } from "../../../../adapters/http/page-parts/status-figures";

/**
 * `/services/{id}`: a counter service by its name in the page's language, its counter's wait and
 * the online alternative, rendered with the page. `service` is null when the catalogue does not
 * have it (404), undefined when the catalogue did not answer: then the page script reads it.
 */
export function servicePage(
  status: PublicStatus,
  serviceId: string,
  language: ResidentLang | PageLanguage,
  found: { service?: PageService | null; position?: string; expected?: ExpectedWaiting } = {},
): string {
  const { lang, fellBack } = pageLanguage(language);
  const w = residentWords(lang);
  const shell = { lang, fellBack, languages: residentLanguages };
  const { service, position, expected } = found;
  if (service === null) return notFoundPage({ lang, fellBack }, "serviceNotFound");
  const name = service ? serviceName(service, lang) : sayText(lang, "service");
  return page({
    ...shell,
    title: `${name} — ${sayText(lang, "site")}`,
    path: `/services/${encodeURIComponent(serviceId)}`,
    scripts: ["/assets/status.js", "/assets/push.js", "/assets/better-time.js"],
    styles: ["/assets/counters.css"],
    data: {
      words: clientWords(lang),
      page: "service",
      serviceId,
      lang,
      betterTime: counterScriptWords(lang),
      ...(service && { service }),
      ...(position && { position }),
    },
    body: html`${modeLine(status.mode, lang)} ${freshness(status.generatedAt, lang)}
      <article id="service" data-id="${serviceId}">
        <h1 id="service-name">${name}</h1>
        <p id="service-body">${service ? serviceFigures(service, lang, Date.parse(status.generatedAt)) : w("serviceLoading")}</p>
        ${counterLinks(serviceId, lang)} ${betterTimeSection(expected, lang)}
        ${service ? "" : html`<noscript><p>${w("servicesUnavailable")}</p></noscript>`}
        <p><a href="/">${w("back")}</a></p>
      </article>`,
  });
}
