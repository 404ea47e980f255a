import { MessageKey, residentLanguages } from "@crisis/platform/contracts";
import { html } from "./html";
import { page } from "./layout";
import { PageLanguage, residentWords, sayText } from "./resident";

/** A resident page for something the city does not have (404): what was not found, and the way back. */
export function notFoundPage({ lang, fellBack }: PageLanguage, sentence: MessageKey): string {
  const w = residentWords(lang);
  return page({
    lang,
    fellBack,
    languages: residentLanguages,
    title: sayText(lang, "notFound"),
    path: "/",
    scripts: [],
    body: html`<h1>${w("notFound")}</h1>
      <p>${w(sentence)}</p>
      <p><a href="/">${w("back")}</a></p>`,
  });
}
