import { ResidentLang, nameIn, say } from "@crisis/platform/contracts";
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

/** The push: the shelter is full, and where the nearest shelters with room are (distance and link). */
export function composeFullShelter(alertId: string, c: CrowdingChanged, lang: ResidentLang, baseUrl: string): AlertMessage {
  const link = (id: string) => new URL(`/facilities/${encodeURIComponent(id)}`, baseUrl).toString();
  const entry = (s: ShelterWithRoom) =>
    say(lang, "fullShelterEntry", {
      name: nameIn(lang, s.facilityName),
      distance: distance(s.distanceM),
      room: s.room,
      url: link(s.facilityId),
    });
  const near = c.nearestWithRoom.map(entry).join(say(lang, "fullShelterSeparator"));
  const name = nameIn(lang, c.facilityName);
  return fitted({
    alertId,
    lang,
    title: say(lang, "fullShelterTitle", { name }),
    body: near ? say(lang, "fullShelter", { name, near }) : say(lang, "fullShelterNoneNear", { name }),
    // The first shelter with room is where the notification leads; without one, the full shelter's page.
    url: link(c.nearestWithRoom[0]?.facilityId ?? c.facilityId),
    tag: `crowding.${c.facilityId}`,
  });
}
