import { ChangeSource, ResidentLang, wards } from "@crisis/platform/contracts";
import { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { catalogue, facilityNames } from "./catalogue";
import { readBefore, readChange } from "./facility-reading";
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

const open = (c: FacilityStatusChanged) => readChange(c).state === "shelter_open";
const wasOpen = (c: FacilityStatusChanged) => readBefore(c).state === "shelter_open";
/** A shelter newly closed, whether it had been open or staff closed it before it ever opened. */
const closedShelter = (c: FacilityStatusChanged) =>
  (wasOpen(c) && !open(c)) || (readChange(c).state === "shelter_closed" && readBefore(c).state !== "shelter_closed");

/** A burst of this many facilities or fewer names each one; a larger one is counted per ward. */
export const namedAtMost = 3;

/** One facility's line: its name, what it is now, and why. */
const named = (c: FacilityStatusChanged, lang: ResidentLang) => {
  const reading = readChange(c);
  return catalogue[lang].facilityNow(c.facilityName || c.facilityId, reading.state, reading.use, reading.reasons[0] ?? "");
};

/**
 * Sums up one subscriber's share of a window. The facilities they follow by name come first, each
 * named with its state and reason; the rest are named too when three or fewer, otherwise shelters
 * opened and closed are counted per ward with how many stay open and the facilities closed,
 * restricted or reopened listed; then the counter services by their new level. Only the last
 * change of each facility (and of each service channel) counts: closed then reopened in one
 * window is simply "reopened".
 */
export function composeChanges(
  alertId: string,
  share: Share,
  lang: ResidentLang,
  openIn: (ward: string) => number,
  baseUrl: string,
  topics: readonly string[] = [],
): AlertMessage | null {
  const latest = [...new Map(share.changes.map((c) => [c.facilityId, c])).values()];
  const services = latestServiceChanges(share.services);
  if (latest.length === 0 && services.length === 0) return null;
  const t = catalogue[lang];
  const names = (list: FacilityStatusChanged[]) => facilityNames(list, lang);
  const followed = new Set(topics.filter((topic) => topic.startsWith("facility:")).map((topic) => topic.slice("facility:".length)));
  const own = latest.filter((c) => followed.has(c.facilityId));
  const rest = latest.filter((c) => !followed.has(c.facilityId));
  const lines: string[] = own.map((c) => named(c, lang));
  if (rest.length <= namedAtMost) lines.push(...rest.map((c) => named(c, lang)));
  else {
    for (const ward of wards) {
      const here = rest.filter((c) => c.ward === ward);
      const opened = here.filter((c) => open(c) && !wasOpen(c)).length;
      const closed = here.filter(closedShelter).length;
      if (opened > 0) lines.push(t.wardSheltersOpened(t.ward(ward), opened, openIn(ward)));
      if (closed > 0) lines.push(t.wardSheltersClosed(t.ward(ward), closed, openIn(ward)));
    }
    const others = rest.filter((c) => !open(c) && !wasOpen(c) && !closedShelter(c));
    const closed = others.filter((c) => readChange(c).state === "closed");
    const restricted = others.filter((c) => readChange(c).state === "restricted");
    const reopened = others.filter((c) => readChange(c).state === "normal");
    if (closed.length > 0) lines.push(t.closed(closed.length, names(closed)));
    if (restricted.length > 0) lines.push(t.restricted(restricted.length, names(restricted)));
    if (reopened.length > 0) lines.push(t.reopened(reopened.length, names(reopened)));
  }
  lines.push(...serviceLines(services, lang));
  // One facility (or the one the subscriber follows by name) or one counter service: its own page; several: the status page.
  const serviceIds = new Set(services.map((c) => c.serviceId));
  const single = latest.length === 1 ? latest[0] : own.length === 1 ? own[0] : undefined;
  const page =
    single && serviceIds.size === 0
      ? `/facilities/${encodeURIComponent(single.facilityId)}`
      : latest.length === 0 && serviceIds.size === 1
        ? servicePath(services[0].serviceId)
        : "/status";
  const url = new URL(page, baseUrl).toString();
  const title = latest.length === 0 ? t.servicesTitle : t.changesTitle;
  return fitted({ alertId, lang, title, body: [...lines, t.details(url)].join("\n"), url, tag: alertId });
}
