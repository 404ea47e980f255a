import type { GetGuidanceResponse } from "./gen/crisis/v1/facilities";
import { ResidentLang } from "./messages/languages";

/** What citizens are told to do now: the same lines in every resident language. */
export type GuidanceLines = Record<ResidentLang, string[]>;

/** The wire's field for each resident language (protobuf names cannot hold "-"). */
const wireField = {
  ja: "ja",
  "ja-x-easy": "jaXEasy",
  en: "en",
  vi: "vi",
  "zh-Hans": "zhHans",
  "zh-Hant": "zhHant",
  ko: "ko",
  ne: "ne",
} as const satisfies Record<ResidentLang, keyof GetGuidanceResponse>;

const langs = Object.keys(wireField) as ResidentLang[];

export const guidanceToWire = (lines: GuidanceLines): GetGuidanceResponse =>
  Object.fromEntries(langs.map((lang) => [wireField[lang], lines[lang]])) as unknown as GetGuidanceResponse;

export const guidanceFromWire = (wire: GetGuidanceResponse): GuidanceLines =>
  Object.fromEntries(langs.map((lang) => [lang, wire[wireField[lang]]])) as GuidanceLines;

/** No guidance: at normal, or when the declaration's playbook has none. */
export const noGuidance = (): GuidanceLines => Object.fromEntries(langs.map((lang) => [lang, []])) as unknown as GuidanceLines;
