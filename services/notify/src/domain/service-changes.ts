import {
  ChangeSource,
  ResidentLang,
  channelGlossary,
  glossaryWord,
  serviceLevelGlossary,
  serviceLevelName,
} from "@crisis/platform/contracts";
import { ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { catalogue } from "./catalogue";

/** The topic whose followers hear of a counter service's changes, on any channel. */
export const topicOfService = (change: ServiceLevelChanged) => `service:${change.serviceId}`;

/** The page of one counter service (the gateway's /services/:id). */
export const servicePath = (serviceId: string) => `/services/${encodeURIComponent(serviceId)}`;

/**
 * Whether a single level change is news: a playbook's changes are told by its own batch, and a
 * change that leaves the level as it was (re-published) is not told again.
 */
export const isServiceNews = (change: ServiceLevelChanged) =>
  change.source !== ChangeSource.CHANGE_SOURCE_PLAYBOOK && change.level !== change.previousLevel;

/** Only the last change of each service on each channel counts (suspended then reopened is "normal"). */
export const latestServiceChanges = (changes: ServiceLevelChanged[]) => [
  ...new Map(changes.map((c) => [`${c.serviceId}|${c.channel}`, c])).values(),
];

/** One line per service and channel, in the subscriber's language, times in the city's time. */
export function serviceLines(changes: ServiceLevelChanged[], lang: ResidentLang): string[] {
  const t = catalogue[lang];
  return latestServiceChanges(changes).map((c) => {
    const level = glossaryWord(serviceLevelGlossary, serviceLevelName(c.level) ?? "normal", lang);
    const channel = glossaryWord(channelGlossary, c.channel, lang);
    const from = c.startsAt || c.changedAt;
    const name = c.serviceName || c.serviceId;
    return t.serviceChanged(name, channel, level, from ? t.time(from) : undefined, c.endsAt ? t.time(c.endsAt) : undefined);
  });
}
