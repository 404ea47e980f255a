import {
  ResidentLang,
  channelGlossary,
  crowdingGlossary,
  crowdingNames,
  serviceLevelGlossary,
  serviceLevelNames,
  wardTerms,
  wards,
} from "@crisis/platform/contracts";
import { sayText, termText } from "./resident";

/** The few words the page scripts write themselves, as plain text (easy Japanese readings in brackets). */
export function clientWords(lang: ResidentLang) {
  const t = (key: Parameters<typeof sayText>[1], values?: Record<string, string>) => sayText(lang, key, values);
  return {
    locating: t("locating"),
    locationDenied: t("locationDenied"),
    nearestNone: t("nearestNone"),
    nearestFailed: t("nearestFailed"),
    crowdingAge: t("crowdingAge", { age: "{age}" }),
    noReport: t("noReport"),
    waitingStale: t("waitingStale"),
    crowding: Object.fromEntries(crowdingNames.map((n) => [n, termText(crowdingGlossary, n, lang)])),
    wards: Object.fromEntries(wards.map((ward) => [ward, termText(wardTerms, ward, lang)])),
    subscribed: t("subscribed"),
    unsubscribed: t("unsubscribed"),
    subscribeFailed: t("subscribeFailed"),
    subscribeDenied: t("subscribeDenied"),
    subscribeNoPushService: t("subscribeNoPushService"),
    subscribeTimeout: t("subscribeTimeout"),
    subscribeWorking: t("subscribeWorking"),
    chooseTopic: t("chooseTopic"),
    online: t("online"),
    waitingPeople: t("waitingPeople", { n: "{n}" }),
    nextSlot: t("nextSlot", { t: "{t}" }),
    reportedAgo: t("reportedAgo", { age: "{age}" }),
    onlineChannel: termText(channelGlossary, "online", lang),
    levels: Object.fromEntries(serviceLevelNames.map((n) => [n, termText(serviceLevelGlossary, n, lang)])),
    notAvailable: t("notAvailable"),
    live: t("live"),
    offlineTemplate: t("offline", { t: "{t}", age: "{age}" }),
    minutesTemplate: t("minutes", { n: "{n}" }),
    hoursMinutesTemplate: t("hoursMinutes", { h: "{h}", m: "{m}" }),
    asOfTemplate: t("asOf", { time: "{t}" }),
    mapFailed: t("mapFailed"),
  };
}
