import { Lang, crowdingTerms } from "@crisis/platform/contracts";
import { CrowdingChanged, CrowdingLevel, ShelterWithRoom } from "@crisis/platform/contracts/crowding";
import { AlertMessage, fitted } from "./payload";

/** Who hears that a shelter is full: its own followers and its ward's. */
export const topicsOfFull = (c: CrowdingChanged) => [`facility:${c.facilityId}`, `ward:${c.ward}`];

/**
 * A shelter that just became full is told once: not when it was full already (the hysteresis of
 * facilities keeps a shelter at capacity from leaving full), and not again within `minIntervalMs`
 * of the last such alert for it (a shelter emptied and refilled within the hour).
 */
export function fullAlertDue(c: CrowdingChanged, lastAlertAt: Date | undefined, now: Date, minIntervalMs: number): boolean {
  if (c.level !== CrowdingLevel.CROWDING_LEVEL_FULL || c.previousLevel === CrowdingLevel.CROWDING_LEVEL_FULL) return false;
  return !lastAlertAt || now.getTime() - lastAlertAt.getTime() >= minIntervalMs;
}

const distance = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m / 10) * 10} m`);

const words = {
  ja: {
    title: (name: string) => `${name}は${crowdingTerms.full.ja}です`,
    body: (name: string, near: string) =>
      near
        ? `${name}は満員になりました。空きのある近くの避難所: ${near}`
        : `${name}は満員になりました。空きのある近くの避難所は、いま確認できていません。`,
    entry: (s: ShelterWithRoom, url: string) => `${s.facilityName}（${distance(s.distanceM)}、残り${s.room}人分） ${url}`,
    separator: " / ",
  },
  en: {
    title: (name: string) => `${name} is full`,
    body: (name: string, near: string) =>
      near ? `${name} is full. Nearby shelters with room: ${near}` : `${name} is full. No nearby shelter with room is confirmed right now.`,
    entry: (s: ShelterWithRoom, url: string) => `${s.facilityName} (${distance(s.distanceM)}, room for ${s.room}) ${url}`,
    separator: "; ",
  },
} satisfies Record<Lang, unknown>;

/** The push: the shelter is full, and where the nearest shelters with room are (distance and link). */
export function composeFullShelter(alertId: string, c: CrowdingChanged, lang: Lang, baseUrl: string): AlertMessage {
  const t = words[lang];
  const link = (id: string) => new URL(`/facilities/${encodeURIComponent(id)}`, baseUrl).toString();
  const near = c.nearestWithRoom.map((s) => t.entry(s, link(s.facilityId))).join(t.separator);
  return fitted({
    alertId,
    lang,
    title: t.title(c.facilityName),
    body: t.body(c.facilityName, near),
    // The first shelter with room is where the notification leads; without one, the full shelter's page.
    url: link(c.nearestWithRoom[0]?.facilityId ?? c.facilityId),
    tag: `crowding.${c.facilityId}`,
  });
}
