import { Lang } from "../vocabulary";

/**
 * The languages a resident can read the hub in: Japanese, English, やさしい日本語 (easy Japanese,
 * kanji with readings), and the largest foreign communities of Kumamoto: Vietnamese, Chinese
 * (simplified and traditional, for mainland and Taiwanese residents), Korean and Nepali.
 * Staff pages and staff notices stay in `languages` (ja, en).
 */
export const residentLanguages = ["ja", "ja-x-easy", "en", "vi", "zh-Hans", "zh-Hant", "ko", "ne"] as const;
export type ResidentLang = (typeof residentLanguages)[number];

/** Each language named in its own script, for the language switch and the subscription's choice. */
export const nativeNames: Readonly<Record<ResidentLang, string>> = {
  ja: "日本語",
  "ja-x-easy": "やさしい にほんご",
  en: "English",
  vi: "Tiếng Việt",
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
  ko: "한국어",
  ne: "नेपाली",
};

/** The locale Intl formats dates and plurals with: easy Japanese counts and dates as Japanese does. */
export const intlLocale = (lang: ResidentLang): string => (lang === "ja-x-easy" ? "ja" : lang);

export const isResidentLang = (value: unknown): value is ResidentLang =>
  typeof value === "string" && (residentLanguages as readonly string[]).includes(value);

/** The staff language nearest a resident language: Japanese for both Japanese, English otherwise. */
export const staffLang = (lang: ResidentLang): Lang => (lang === "ja" || lang === "ja-x-easy" ? "ja" : "en");

/** Tags browsers send for the languages listed, beyond the list's own spelling. */
const aliases: Record<string, ResidentLang> = {
  "ja-easy": "ja-x-easy",
  "zh-cn": "zh-Hans",
  "zh-sg": "zh-Hans",
  "zh-my": "zh-Hans",
  "zh-tw": "zh-Hant",
  "zh-hk": "zh-Hant",
  "zh-mo": "zh-Hant",
  zh: "zh-Hans",
};

/** One tag in the list's spelling ("zh-TW" → "zh-Hant", "vi-VN" → "vi"), or undefined when none fits. */
export function residentLangOf(tag: string): ResidentLang | undefined {
  const lower = tag.trim().toLowerCase();
  if (!lower) return undefined;
  const exact = residentLanguages.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  if (aliases[lower]) return aliases[lower];
  const [first, second] = lower.split("-");
  if (first === "zh" && (second === "hans" || second === "hant")) return second === "hans" ? "zh-Hans" : "zh-Hant";
  return aliases[`${first}-${second}`] ?? aliases[first] ?? residentLanguages.find((l) => l === first);
}

/**
 * The best listed language for an Accept-Language header, by its q weights; undefined when the
 * browser asks only for languages the hub does not have (the page then speaks Japanese and
 * offers English).
 */
export function negotiateLanguage(acceptLanguage: string | undefined): ResidentLang | undefined {
  const asked = (acceptLanguage ?? "")
    .split(",")
    .map((part, order) => {
      const [tag, ...params] = part.split(";");
      const q = Number(/q=([\d.]+)/.exec(params.join(";"))?.[1] ?? "1");
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((a) => a.tag && a.tag !== "*" && a.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const a of asked) {
    const lang = residentLangOf(a.tag);
    if (lang) return lang;
  }
  return undefined;
}
