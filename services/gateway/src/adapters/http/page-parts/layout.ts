import { Lang, ResidentLang, cityTimeZone, languages, nativeNames, say } from "@crisis/platform/contracts";
import { assetUrl } from "../assets";
import { Html, html, raw } from "./html";
import { sayHtml } from "./resident";

export interface PageShell {
  lang: ResidentLang;
  title: string;
  /** The path of this page, for the language switch. */
  path: string;
  body: Html;
  /** Page scripts under /assets, by their plain names (linked by hashed name; no inline script: the CSP allows only files from this origin). */
  scripts: string[];
  styles?: string[];
  /** Data the page script reads (words, settings), with the page's language and the city's time zone; sent as a JSON data block, which is never executed. */
  data?: unknown;
  /** The languages the switch offers: a resident's page every resident language, a staff page Japanese and English. */
  languages?: readonly ResidentLang[];
  /** The visitor asked for a language the hub lacks: the page is in Japanese and says so in English. */
  fellBack?: boolean;
}

/** JSON inside <script type="application/json">: "<" escaped so no text can close the element. */
const jsonBlock = (value: unknown) => raw(JSON.stringify(value).replace(/</g, "\\u003c"));

const staffLanguages: readonly Lang[] = languages;

/** Every language the page offers, each named in its own script, the current one marked. */
function languageSwitch(shell: PageShell) {
  const offered = shell.languages ?? staffLanguages;
  const href = (lang: ResidentLang) => `${shell.path}${shell.path.includes("?") ? "&" : "?"}lang=${lang}`;
  return html`<nav class="languages" aria-label="${say(shell.lang, "languages")} / Language">
    <ul>
      ${offered.map(
        (lang) =>
          html`<li>
            <a class="lang" href="${href(lang)}" hreflang="${lang}" lang="${lang}" ${lang === shell.lang ? html`aria-current="true"` : ""}
              >${nativeNames[lang]}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

/** Every page's shell; its icon is empty (`data:,`), else the browser asks /favicon.ico and logs the 404 as an error. */
export function page(shell: PageShell): string {
  const w = (key: Parameters<typeof sayHtml>[1]) => sayHtml(shell.lang, key);
  return `<!doctype html>\n${html`<html lang="${shell.lang}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${shell.title}</title>
      <link rel="stylesheet" href="${assetUrl("/assets/style.css")}" />
      ${(shell.styles ?? []).map((href) => html`<link rel="stylesheet" href="${assetUrl(href)}" />`)}
      <link rel="manifest" href="${assetUrl("/assets/manifest.webmanifest")}" />
      <link rel="icon" href="data:," />
      <meta name="theme-color" content="#0b4f8a" />
    </head>
    <body>
      <a class="skip" href="#main">${w("skip")}</a>
      <header class="site">
        <a class="home" href="/">${w("site")}</a>
        ${languageSwitch(shell)}
      </header>
      ${shell.fellBack ? html`<p class="fallback" lang="en">${say("en", "fallbackNotice")}</p>` : ""}
      <main id="main">${shell.body}</main>
      <footer class="site">
        <a href="/">${w("site")}</a> · <a href="/staff">${w("staffPage")}</a> · <a href="/console">${w("console")}</a>
      </footer>
      <script type="application/json" id="page-data">
        ${jsonBlock({ lang: shell.lang, timeZone: cityTimeZone(), ...(shell.data as object) })}
      </script>
      ${shell.scripts.map((src) => html`<script src="${assetUrl(src)}" defer></script>`)}
    </body>
  </html>`}`;
}
