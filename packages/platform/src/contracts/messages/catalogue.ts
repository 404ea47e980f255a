import { IntlMessageFormat } from "intl-messageformat";
import { en } from "./en";
import { ja } from "./ja";
import { jaEasy } from "./ja-x-easy";
import { ko } from "./ko";
import { ResidentLang, intlLocale } from "./languages";
import { MessageKey, MessageSet } from "./message-set";
import { ne } from "./ne";
import { vi } from "./vi";
import { zhHans } from "./zh-Hans";
import { zhHant } from "./zh-Hant";

/** The one catalogue: every sentence shown to a resident, in every resident language. */
export const messages: Readonly<Record<ResidentLang, MessageSet>> = {
  ja,
  "ja-x-easy": jaEasy,
  en,
  vi,
  "zh-Hans": zhHans,
  "zh-Hant": zhHant,
  ko,
  ne,
};

export type MessageValues = Record<string, string | number>;

/** What a service channel that needs no visit lets a person do instead, by channel (as facilities names them). */
export const insteadKeys: Readonly<Record<string, MessageKey>> = {
  online: "insteadOnline",
  convenience_store: "insteadConvenienceStore",
  phone: "insteadPhone",
};

const compiled = new Map<string, IntlMessageFormat>();
const formatOf = (lang: ResidentLang, key: MessageKey) => {
  const id = `${lang}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    // ignoreTag: a sentence may hold "<" as text; rich-text tags are not used.
    format = new IntlMessageFormat(messages[lang][key], intlLocale(lang), undefined, { ignoreTag: true });
    compiled.set(id, format);
  }
  return format;
};

/**
 * One sentence with its values, as the catalogue writes it: in やさしい日本語 the readings stay
 * marked (漢字[かんじ], and names as ⟦name|reading⟧) for `readingsAsRuby` or `readingsAsText`.
 */
export function sayMarked(lang: ResidentLang, key: MessageKey, values?: MessageValues): string {
  const out = formatOf(lang, key).format(values);
  return typeof out === "string" ? out : String(out);
}

/** One sentence as plain text (a push, a feed, a page script): readings in brackets after the word. */
export const say = (lang: ResidentLang, key: MessageKey, values?: MessageValues): string => readingsAsText(sayMarked(lang, key, values));

const kanjiReading = /([\u3005\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+)\[([\u3041-\u309F\u30A0-\u30FF]+)\]/g;
const nameReading = /⟦([^⟦⟧|]+)\|([^⟦⟧|]+)⟧/g;

/** A name with its reading, for a sentence or a value (「⟦三和中学校|さんわちゅうがっこう⟧」). */
export const markReading = (name: string, reading: string) => `⟦${name}|${reading}⟧`;

/** Marked readings as text: 避難所(ひなんじょ). */
export const readingsAsText = (marked: string) => marked.replace(nameReading, "$1($2)").replace(kanjiReading, "$1($2)");

/** Marked readings as furigana, in text already escaped for HTML (the marks survive escaping). */
export const readingsAsRuby = (escaped: string) =>
  escaped.replace(nameReading, "<ruby>$1<rt>$2</rt></ruby>").replace(kanjiReading, "<ruby>$1<rt>$2</rt></ruby>");
