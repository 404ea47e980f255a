import {
  ResidentLang,
  channelGlossary,
  crowdingGlossary,
  isWard,
  serviceLevelGlossary,
  wardTerms,
  wards,
} from "@crisis/platform/contracts";
import { readCrowding } from "../../../app/read-crowding";
import { ageIn, minutesSince } from "../../../domain/report-age";
import { readServices } from "../../../areas/counters/app/read-services";
import { html } from "./html";
import { residentTime, sayText, termText } from "./resident";

/** A shelter's crowding as the pages get it (GET /api/v1/shelters has the same shape). */
export type PageCrowding = Awaited<ReturnType<typeof readCrowding>>["shelters"][number];
/** A counter service with its channels and waiting figure (GET /api/v1/services has the same shape). */
export type PageService = Awaited<ReturnType<typeof readServices>>["services"][number];

const crowdingOrder = ["open", "busy", "crowded", "full", "unknown"] as const;

/** A report too old to trust, or none at all, reads 不明: never 空き from an old figure. */
export const crowdingLevel = (s: PageCrowding | undefined) => (!s?.latest || s.latest.stale ? "unknown" : s.level);

const reportAge = (iso: string | null, lang: ResidentLang, now: number) =>
  ageIn(iso ? minutesSince(Date.parse(iso), now) : 0, (key, values) => sayText(lang, key, values));

/**
 * "満 100/100 · 5 分前の報告", or "報告なし": plain text, as /assets/crowding.js writes it when a
 * report arrives, so the row reads the same before and after the script takes over.
 */
export function crowdingText(s: PageCrowding | undefined, lang: ResidentLang, now: number) {
  if (!s?.latest) return sayText(lang, "noReport");
  const counts = s.capacity === null ? `${s.latest.headcount}` : `${s.latest.headcount}/${s.capacity}`;
  const age = reportAge(s.latest.reportedAt, lang, now);
  return `${termText(crowdingGlossary, crowdingLevel(s), lang)} ${counts} · ${sayText(lang, "crowdingAge", { age })}`;
}

/** The open shelters' levels summed per ward, the five wards first: "北区: 空き 3 / 不明 20". */
export function wardCrowdingLines(list: PageCrowding[], lang: ResidentLang) {
  const byWard = new Map<string, Record<(typeof crowdingOrder)[number], number>>();
  for (const s of list) {
    if (!s.open) continue;
    const sums = byWard.get(s.ward) ?? { open: 0, busy: 0, crowded: 0, full: 0, unknown: 0 };
    sums[crowdingLevel(s)]++;
    byWard.set(s.ward, sums);
  }
  const shown = [...wards.filter((w) => byWard.has(w)), ...[...byWard.keys()].filter((w) => !isWard(w))];
  return shown.map((ward) => {
    const sums = byWard.get(ward)!;
    const levels = crowdingOrder.filter((l) => sums[l] > 0).map((l) => `${termText(crowdingGlossary, l, lang)} ${sums[l]}`);
    return { ward, text: `${termText(wardTerms, ward, lang)}: ${levels.join(" / ")}` };
  });
}

/**
 * What crowding.js keeps of each shelter, compact (208 shelters ride in the page):
 * [id, ward, open, level, headcount, capacity, reportedAt in ms or null, stale].
 */
export type ScriptCrowding = [
  id: string,
  ward: string,
  open: 0 | 1,
  level: PageCrowding["level"],
  headcount: number,
  capacity: number | null,
  reportedAt: number | null,
  stale: 0 | 1,
];
export const crowdingForScript = (list: PageCrowding[]) =>
  list.map((s): ScriptCrowding => [
    s.id,
    s.ward,
    s.open ? 1 : 0,
    s.level,
    s.latest?.headcount ?? 0,
    s.capacity,
    s.latest?.reportedAt ? Date.parse(s.latest.reportedAt) : null,
    s.latest?.stale ? 1 : 0,
  ]);

/** Japanese pages read the Japanese name, English the English one, other languages both. */
export function serviceName(s: Pick<PageService, "id" | "name" | "nameEn">, lang: ResidentLang) {
  if (lang === "ja" || lang === "ja-x-easy") return s.name || s.id;
  if (lang === "en") return s.nameEn || s.name || s.id;
  return s.nameEn && s.name ? `${s.name} (${s.nameEn})` : s.name || s.id;
}

/**
 * The counter's wait (with its age, and a warning when out of date) beside the online alternative,
 * so a citizen can decide not to come; the same text status.js writes when a figure arrives.
 */
export function serviceFigures(s: PageService, lang: ResidentLang, now: number) {
  const w = s.waiting;
  const waiting =
    w?.reportedAt &&
    (w.waiting !== null
      ? sayText(lang, "waitingPeople", { n: String(w.waiting) })
      : sayText(lang, "nextSlot", { t: residentTime(w.nextFreeSlot, lang) })) +
      sayText(lang, "reportedAgo", { age: reportAge(w.reportedAt, lang, now) }) +
      (w.stale ? sayText(lang, "waitingStale") : "");
  const online = s.channels.find((c) => c.channel === "online");
  const onlineText = online && `${termText(channelGlossary, "online", lang)}: ${termText(serviceLevelGlossary, online.level, lang)}`;
  return html`${waiting ? html` <span class="${w?.stale ? "waiting stale" : "waiting"}">${waiting}</span>` : ""}${
    onlineText ? html` <span class="online">${onlineText}</span>` : ""
  }`;
}
