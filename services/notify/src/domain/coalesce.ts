import { ChangeSource, FacilityStatus, Lang, wardWord, wards } from "@crisis/platform/contracts";
import { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { catalogue, facilityNames } from "./catalogue";
import { AlertMessage, fitted } from "./payload";
import { isServiceNews, latestServiceChanges, serviceLines, servicePath } from "./service-changes";

/** Changes waiting to be summed up: one window for the city, closed after a quiet spell or at its longest. */
export interface PendingWindow {
  /** RFC 3339: when the first change arrived; the latest change's arrival. */
  openedAt: string;
  lastAt: string;
  changes: FacilityStatusChanged[];
  /** Counter-service level changes, summed up in the same message as the facilities. */
  services: ServiceLevelChanged[];
}

/** One single change waiting in the window: a facility's status or a counter service's level. */
export type SingleChange = { kind: "facility"; event: FacilityStatusChanged } | { kind: "service"; event: ServiceLevelChanged };

/** What of a window concerns one subscriber. */
export interface Share {
  changes: FacilityStatusChanged[];
  services: ServiceLevelChanged[];
}

export interface CoalesceRule {
  /** ALERT_COALESCE_MS: the window closes once no change came for this long… */
  quietMs: number;
  /** …or at the latest this long after it opened, so a steady trickle still gets told. */
  longestMs: number;
}

export const isDue = (window: PendingWindow, now: Date, rule: CoalesceRule) =>
  now.getTime() - new Date(window.lastAt).getTime() >= rule.quietMs ||
  now.getTime() - new Date(window.openedAt).getTime() >= rule.longestMs;

/**
 * Whether a single change is news for subscribers. A playbook's changes are told by its own
 * batch; a change that leaves the status, the use and the shelter operation as they were (a
 * registry correction re-published, a redelivery) is not told again.
 */
export function isNews(single: SingleChange): boolean {
  if (single.kind === "service") return isServiceNews(single.event);
  const change = single.event;
  if (change.source === ChangeSource.CHANGE_SOURCE_PLAYBOOK) return false;
  return change.status !== change.previousStatus || change.use !== change.previousUse || change.shelter !== change.previousShelter;
}

const open = (c: FacilityStatusChanged) => c.status === FacilityStatus.FACILITY_STATUS_SHELTER_OPEN;
const wasOpen = (c: FacilityStatusChanged) => c.previousStatus === FacilityStatus.FACILITY_STATUS_SHELTER_OPEN;

/**
 * Sums up one subscriber's share of a window: shelters opened and closed per ward with how many
 * stay open, then the facilities closed, restricted or reopened by name, then the counter services
 * by their new level. Only the last change of each facility (and of each service channel) counts:
 * closed then reopened in one window is simply "reopened".
 */
export function composeChanges(
  alertId: string,
  share: Share,
  lang: Lang,
  openIn: (ward: string) => number,
  baseUrl: string,
): AlertMessage | null {
  const latest = [...new Map(share.changes.map((c) => [c.facilityId, c])).values()];
  const services = latestServiceChanges(share.services);
  if (latest.length === 0 && services.length === 0) return null;
  const t = catalogue[lang];
  const names = (list: FacilityStatusChanged[]) => facilityNames(list, lang);
  const lines: string[] = [];
  for (const ward of wards) {
    const here = latest.filter((c) => c.ward === ward);
    const opened = here.filter((c) => open(c) && !wasOpen(c)).length;
    const closed = here.filter((c) => wasOpen(c) && !open(c)).length;
    if (opened > 0) lines.push(t.wardSheltersOpened(wardWord(ward, lang), opened, openIn(ward)));
    if (closed > 0) lines.push(t.wardSheltersClosed(wardWord(ward, lang), closed, openIn(ward)));
  }
  const others = latest.filter((c) => !open(c) && !wasOpen(c));
  const closed = others.filter((c) => c.status === FacilityStatus.FACILITY_STATUS_CLOSED);
  const restricted = others.filter((c) => c.status === FacilityStatus.FACILITY_STATUS_RESTRICTED);
  const reopened = others.filter((c) => c.status === FacilityStatus.FACILITY_STATUS_NORMAL);
  if (closed.length > 0) lines.push(t.closed(closed.length, names(closed)));
  if (restricted.length > 0) lines.push(t.restricted(restricted.length, names(restricted)));
  if (reopened.length > 0) lines.push(t.reopened(reopened.length, names(reopened)));
  lines.push(...serviceLines(services, lang));
  // One facility or one counter service: its own page; several: the city's status page.
  const serviceIds = new Set(services.map((c) => c.serviceId));
  const page =
    latest.length === 1 && serviceIds.size === 0
      ? `/facilities/${encodeURIComponent(latest[0].facilityId)}`
      : latest.length === 0 && serviceIds.size === 1
        ? servicePath(services[0].serviceId)
        : "/status";
  const url = new URL(page, baseUrl).toString();
  const title = latest.length === 0 ? t.servicesTitle : t.changesTitle;
  return fitted({ alertId, lang, title, body: [...lines, `${t.details} ${url}`].join("\n"), url, tag: alertId });
}
