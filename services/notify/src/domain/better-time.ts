import { ResidentLang, ServiceLevel, bandWithHysteresis, channelGlossary, glossaryWord, nameIn, say } from "@crisis/platform/contracts";
import { ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { catalogue } from "./catalogue";
import { fitted } from "./payload";
import { servicePath } from "./service-changes";

/**
 * "Tell me when it is better to come": two topics a device may follow for one counter service.
 * - `waiting:<service id>:<N>`: fewer than N people wait at its counter;
 * - `reopening:<service id>`: the procedure can be done again on a channel (the counter reopens, or online).
 */
export const waitingTopicPrefix = (serviceId: string) => `waiting:${serviceId}:`;
export const reopeningTopic = (serviceId: string) => `reopening:${serviceId}`;

/** The largest N a "fewer than N waiting" topic may name (the staff's form takes up to 10,000). */
export const maxWaitingBelow = 999;

/** N of a `waiting:` topic's value (`<service id>:<N>`), or why it is not one. */
export function readWaitingTopic(value: string): { serviceId: string; below: number } | { why: string } {
  const at = value.lastIndexOf(":");
  const serviceId = value.slice(0, at);
  const n = value.slice(at + 1);
  if (at <= 0 || !/^[\w.-]{1,64}$/.test(serviceId)) return { why: "must read waiting:<service id>:<N>" };
  if (!/^[1-9]\d*$/.test(n) || Number(n) > maxWaitingBelow) return { why: `N must be a whole number from 1 to ${maxWaitingBelow}` };
  return { serviceId, below: Number(n) };
}

/** What notify remembers of one counter's wait: the latest figure, and per followed N the band it is in. */
export interface WaitingWatch {
  reportedAt: string;
  waiting: number;
  /** Per N: 1 while N + margin or more were waiting (armed), 0 once fewer than N were. */
  bands: Record<string, number>;
}

/**
 * A new waiting figure against every N followed at that counter, with the crowding rule's hysteresis
 * (`bandWithHysteresis`): the upper band starts at N + margin, so falling out of it needs fewer than N
 * waiting — the promise made — and a figure that hovers at N tells nobody twice: after a notice,
 * only N + margin or more waiting arms it again. An N followed since the last figure starts from that
 * figure; with no figure before, nothing is known to have crossed. A report older than the latest
 * figure, or one without a headcount (a reservation-only counter), changes nothing.
 */
export function waitingReported(
  watch: WaitingWatch | undefined,
  report: Pick<CounterWaitingReported, "reportedAt" | "waiting">,
  followed: readonly number[],
  margin: number,
): { watch: WaitingWatch; fellBelow: number[] } | undefined {
  const waiting = report.waiting;
  if (waiting === undefined || (watch && watch.reportedAt > report.reportedAt)) return undefined;
  const bandOf = (value: number, n: number, previous: number | undefined) => bandWithHysteresis(value, [n + margin], previous, margin);
  const bands: Record<string, number> = {};
  const fellBelow: number[] = [];
  for (const n of [...new Set(followed)].sort((a, b) => a - b)) {
    // Starting from the armed band, the last figure is armed at N or more: someone who subscribed while N waited is told.
    const previous = watch ? (watch.bands[n] ?? bandOf(watch.waiting, n, 1)) : undefined;
    bands[n] = bandOf(waiting, n, previous ?? 1);
    if (previous === 1 && bands[n] === 0) fellBelow.push(n);
  }
  return { watch: { reportedAt: report.reportedAt, waiting, bands }, fellBelow };
}

const visitChannels = new Set(["counter", "branch_office"]);

/** Whether a channel offers the procedure at a level: a counter not suspended nor sent online, any other channel not suspended. */
function offers(channel: string, level: ServiceLevel): boolean {
  if (level === ServiceLevel.SERVICE_LEVEL_UNSPECIFIED || level === ServiceLevel.UNRECOGNIZED) return false;
  if (level === ServiceLevel.SERVICE_LEVEL_SUSPENDED) return false;
  return !(visitChannels.has(channel) && level === ServiceLevel.SERVICE_LEVEL_ONLINE_ONLY);
}

/**
 * A level change that makes the procedure possible again on its channel: from a known level that did
 * not offer it to one that does. Levels are steps, not figures: the event names its previous level, so
 * the change is the crossing itself, told once (its event id makes the alert id).
 */
export const reopens = (c: ServiceLevelChanged) =>
  c.previousLevel !== ServiceLevel.SERVICE_LEVEL_UNSPECIFIED && !offers(c.channel, c.previousLevel) && offers(c.channel, c.level);

const pageOf = (baseUrl: string, serviceId: string) => new URL(servicePath(serviceId), baseUrl).toString();

/** The push "fewer than N are waiting", naming the service and opening its page. */
export function composeFewerWaiting(alertId: string, report: CounterWaitingReported, below: number, lang: ResidentLang, baseUrl: string) {
  const service = nameIn(lang, report.serviceName || report.serviceId);
  return fitted({
    alertId,
    lang,
    title: say(lang, "waitingFewerTitle"),
    body: say(lang, "waitingFewer", { service, waiting: report.waiting ?? 0, below }),
    url: pageOf(baseUrl, report.serviceId),
    tag: `waiting.${report.serviceId}`,
  });
}

/** The push "this can be done again": online, or at a counter from its start, naming the service and opening its page. */
export function composeReopening(alertId: string, c: ServiceLevelChanged, lang: ResidentLang, baseUrl: string) {
  const service = nameIn(lang, c.serviceName || c.serviceId);
  const channel = glossaryWord(channelGlossary, c.channel, lang);
  const from = c.startsAt ? catalogue[lang].time(c.startsAt) : "none";
  return fitted({
    alertId,
    lang,
    title: say(lang, "reopenedTitle"),
    body: c.channel === "online" ? say(lang, "reopenedOnline", { service }) : say(lang, "reopenedAt", { service, channel, from }),
    url: pageOf(baseUrl, c.serviceId),
    tag: `reopening.${c.serviceId}`,
  });
}
