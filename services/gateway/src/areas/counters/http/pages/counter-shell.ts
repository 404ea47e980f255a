import { ResidentLang, residentLanguages } from "@crisis/platform/contracts";
import { PageLanguage, pageLanguage, sayText } from "../../../../adapters/http/page-parts/resident";

/** A resident's counter page speaks every resident language, chosen as on the other resident pages, with the menu of all eight. */
export function counterShell(language: ResidentLang | PageLanguage) {
  const { lang, fellBack } = pageLanguage(language);
  return { lang, shell: { lang, fellBack, languages: residentLanguages } };
}

/** The words the counter page scripts write themselves (booking.js, ticket.js, better-time.js), as plain text. */
export function counterScriptWords(lang: ResidentLang) {
  return {
    failed: sayText(lang, "counterFailed"),
    following: sayText(lang, "counterFollowing"),
    noPush: sayText(lang, "counterNoPush"),
    confirmCancel: sayText(lang, "bookingConfirmCancel"),
    ahead: sayText(lang, "ticketPeople", { n: "{n}" }),
    eta: sayText(lang, "ticketEtaMinutes", { n: "{n}" }),
    waitingBelowInvalid: sayText(lang, "tellWaitingInvalid"),
  };
}
