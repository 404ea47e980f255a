import { FacilityUse, ResidentLang } from "@crisis/platform/contracts";
import { RestrictionScheduled } from "@crisis/platform/contracts/events";
import { catalogue } from "./catalogue";
import { AlertMessage, fitted } from "./payload";

/** The topics whose followers hear of a facility's scheduled restriction. */
export const topicsOfScheduled = (e: RestrictionScheduled) => [`facility:${e.facilityId}`, `ward:${e.ward}`, `category:${e.category}`];

/** When the second notice is due: a set time before the start (never before the first notice). */
export const reminderDueAt = (e: RestrictionScheduled, advanceMs: number) => new Date(new Date(e.startsAt).getTime() - advanceMs);

/** The notice of a restriction scheduled for later: when it is decided ("scheduled"), and again shortly before ("soon"). */
export function composeScheduled(
  alertId: string,
  e: RestrictionScheduled,
  stage: "scheduled" | "soon",
  lang: ResidentLang,
  baseUrl: string,
): AlertMessage {
  const t = catalogue[lang];
  const url = new URL(`/facilities/${encodeURIComponent(e.facilityId)}`, baseUrl).toString();
  const until = e.endsAt ? t.time(e.endsAt) : t.untilFurtherNotice;
  return fitted({
    alertId,
    lang,
    title: stage === "scheduled" ? t.scheduledTitle : t.soonTitle,
    body: t.scheduled(e.facilityName, e.use === FacilityUse.FACILITY_USE_CLOSED, t.time(e.startsAt), until, e.reason),
    url,
    tag: `scheduled.${e.restrictionId}`,
  });
}
