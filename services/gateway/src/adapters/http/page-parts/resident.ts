import { FastifyReply, FastifyRequest } from "fastify";
import {
  MessageKey,
  ResidentLang,
  Term,
  cityZoneLabel,
  formatCityTime,
  formatCityTimeRange,
  glossaryWord,
  intlLocale,
  nameIn,
  readingsAsRuby,
  readingsAsText,
  residentLangOf,
  say,
  sayMarked,
} from "@crisis/platform/contracts";
import { requestLanguage } from "../request-language";
import { Html, escapeHtml } from "./html";

/** The language a resident's page speaks, and whether they asked for one the hub lacks (then: Japanese, English offered). */
export interface PageLanguage {
  lang: ResidentLang;
  fellBack: boolean;
}

/**
 * `?lang=vi` wins and is remembered in a cookie; then the cookie; then the browser's Accept-Language;
 * Japanese otherwise. A tag the hub does not have never fails: the page speaks Japanese and offers English.
 */
export function residentPageLang(request: FastifyRequest, reply: FastifyReply): PageLanguage {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  const fromQuery = typeof asked === "string" ? residentLangOf(asked) : undefined;
  if (fromQuery) reply.header("set-cookie", `lang=${fromQuery}; Path=/; Max-Age=31536000; SameSite=Lax`);
  const fromRequest = requestLanguage(request);
  const lang = fromQuery ?? fromRequest ?? "ja";
  const fellBack = !fromQuery && !fromRequest && (typeof asked === "string" || Boolean(request.headers["accept-language"]?.trim()));
  // The service worker keeps a copy per language by this header.
  reply.header("content-language", lang);
  return { lang, fellBack };
}

/** A page's language given as a tag alone (no fallback) or as negotiated. */
export const pageLanguage = (language: ResidentLang | PageLanguage): PageLanguage =>
  typeof language === "string" ? { lang: language, fellBack: false } : language;

type Value = string | number | Html;

/** One sentence of the catalogue as HTML: values escaped (unless already Html), easy Japanese readings as furigana. */
export function sayHtml(lang: ResidentLang, key: MessageKey, values: Record<string, Value> = {}): Html {
  const kept: Html[] = [];
  const plain = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v instanceof Html ? `\uE000${kept.push(v) - 1}\uE001` : v]));
  const text = readingsAsRuby(escapeHtml(sayMarked(lang, key, plain)));
  return new Html(text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)].text));
}

/** The page's sentences in one language: `w("shelters")`, `w("allFacilities", { n })`. */
export const residentWords = (lang: ResidentLang) => (key: MessageKey, values?: Record<string, Value>) => sayHtml(lang, key, values);

/** The same sentence as plain text, for the page scripts (readings in brackets). */
export const sayText = say;

/** Text written with marked readings (a playbook's easy Japanese) as HTML: escaped, readings as furigana. */
export const markedHtml = (marked: string): Html => new Html(readingsAsRuby(escapeHtml(marked)));

/** A term of the glossary (a ward, a level, a state) as HTML, with its readings. */
export const termHtml = (table: Record<string, Term>, key: string | null | undefined, lang: ResidentLang): Html =>
  new Html(readingsAsRuby(escapeHtml(glossaryWord(table, key, lang))));

/** The same term as plain text. */
export const termText = (table: Record<string, Term>, key: string | null | undefined, lang: ResidentLang): string =>
  readingsAsText(glossaryWord(table, key, lang));

/** A facility or service name with its reading: furigana in easy Japanese, romaji after it in other languages. */
export const nameHtml = (lang: ResidentLang, name: string, nameEn?: string | null): Html =>
  new Html(readingsAsRuby(escapeHtml(nameIn(lang, name, nameEn))));

const japaneseTime = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" } as const;
const englishTime = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const numericTime = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** Shown in the city's time whatever the server's zone, in the resident's way of writing dates; the zone named outside Japanese. */
export function residentTime(iso: string | null | undefined, lang: ResidentLang): string {
  if (!iso) return "";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "";
  if (lang === "ja" || lang === "ja-x-easy") return formatCityTime(t, "ja-JP", japaneseTime);
  if (lang === "en") return `${formatCityTime(t, "en-GB", englishTime)} ${cityZoneLabel(t)}`;
  return `${formatCityTime(t, intlLocale(lang), numericTime)} ${cityZoneLabel(t)}`;
}

const clock = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** A clock time in the city's time (09:30), where the page already names the day (a day's booking slots). */
export const residentClock = (iso: string, lang: ResidentLang): string => formatCityTime(Date.parse(iso), intlLocale(lang), clock);

/** A booking's span on one day in the city's time, the day said once: 2026/07/29 09:30–10:00, 09:30–10:00 29/07/2026 JST. */
export function residentTimeSpan(from: string, to: string, lang: ResidentLang): string {
  const [start, end] = [Date.parse(from), Date.parse(to)];
  if (Number.isNaN(start) || Number.isNaN(end)) return "";
  // Intl's Japanese range reads 9時30分～10時00分; the counter's own way is the clock the slots show.
  if (lang === "ja" || lang === "ja-x-easy") return `${residentTime(from, lang)}–${residentClock(to, lang)}`;
  const options = lang === "en" ? englishTime : numericTime;
  return `${formatCityTimeRange(start, end, lang === "en" ? "en-GB" : intlLocale(lang), options)} ${cityZoneLabel(start)}`;
}
