import { markReading } from "./catalogue";
import { ResidentLang } from "./languages";
import { nameReadings } from "./name-readings";

/** A name's reading, [hiragana, romaji], when the city's data or the analyzer gave one. */
export const nameReading = (name: string): readonly [string, string] | undefined =>
  Object.hasOwn(nameReadings, name) ? nameReadings[name] : undefined;

/**
 * A place or service name as a resident of that language reads it: with furigana (marked, see
 * `readingsAsRuby`) in やさしい日本語, its English name in English where the city gives one, and its
 * romaji after the kanji in the other languages (「三和中学校 Sanwa Chugakko」). Japanese reads it as it is.
 */
export function nameIn(lang: ResidentLang, name: string, nameEn?: string | null): string {
  if (lang === "ja") return name;
  if (lang === "en" && nameEn) return nameEn;
  const reading = nameReading(name);
  if (!reading) return name;
  return lang === "ja-x-easy" ? markReading(name, reading[0]) : `${name} ${reading[1]}`;
}
