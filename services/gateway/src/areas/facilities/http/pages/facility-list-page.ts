import { ResidentLang, categories, categoryGlossary, residentLanguages } from "@crisis/platform/contracts";
import { PublicStatus } from "../../../../app/read-public-status";
import { html } from "../../../../adapters/http/page-parts/html";
import { page } from "../../../../adapters/http/page-parts/layout";
import { facilityRow } from "../../../../adapters/http/page-parts/facility-row";
import { freshness, modeLine } from "../../../../adapters/http/page-parts/parts";
import { clientWords } from "../../../../adapters/http/page-parts/client-words";
import { PageLanguage, pageLanguage, residentWords, sayText, termHtml } from "../../../../adapters/http/page-parts/resident";

/**
 * `/facilities`: every facility by category with its state, each linking to its page. Its own page so
 * the status page stays small; the list is the live part `facilities`, so the page script swaps it on a change.
 */
export function facilityListPage(
  status: PublicStatus,
  language: ResidentLang | PageLanguage,
  /** Where the live status stood before the page was read (its event stream resumes there). */
  position?: string,
): string {
  const { lang, fellBack } = pageLanguage(language);
  const w = residentWords(lang);
  const list = status.facilities;
  const byCategory = categories.map((c) => ({ c, items: list.filter((f) => f.category === c) })).filter((g) => g.items.length > 0);
  return page({
    lang,
    fellBack,
    languages: residentLanguages,
    title: `${sayText(lang, "site")}: ${sayText(lang, "allFacilities", { n: String(list.length) })}`,
    path: "/facilities",
    scripts: ["/assets/status.js"],
    data: { words: clientWords(lang), page: "facilities", ...(position && { position }) },
    body: html`${modeLine(status.mode, lang)} ${freshness(status.generatedAt, lang)}
      <section id="facilities" aria-labelledby="facilities-title">
        <h1 id="facilities-title">${w("allFacilities", { n: list.length })}</h1>
        ${byCategory.map(
          (g) =>
            html`<h2 class="category">${termHtml(categoryGlossary, g.c, lang)}</h2>
              <ul class="places compact">
                ${g.items.map((f) => facilityRow(f, lang))}
              </ul>`,
        )}
      </section>
      <p><a href="/">${w("back")}</a></p>`,
  });
}
