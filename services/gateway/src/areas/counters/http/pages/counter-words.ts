import { Lang, MessageKey, ResidentLang, StaffPageWords, insteadKeys, say } from "@crisis/platform/contracts";
import { Html } from "../../../../adapters/http/page-parts/html";
import { sayHtml } from "../../../../adapters/http/page-parts/resident";
import { staffWords } from "../../../../adapters/http/page-parts/staff-words";

/** The catalogue's words the desk shares with the residents' pages, by the names its script reads them. */
const shared = {
  nowServing: "ticketNowServing",
  waiting: "ticketWaiting",
  noTicketToday: "ticketNoneToday",
  failed: "counterFailed",
  time: "bookTime",
  code: "bookingCode",
  status: "bookingState",
  booked: "bookingBooked",
  cancelled: "bookingCancelledState",
  crisisMoved: "bookingCrisisMoved",
  crisisCancelled: "bookingCrisisCancelled",
} as const satisfies Record<string, MessageKey>;

export type DeskWords = StaffPageWords["counter"] & { [K in keyof typeof shared]: string };

/** The counter desk's words: its own from the staff pages' catalogue, then those it shares with residents' pages. */
export const deskWords = (lang: Lang): DeskWords => ({
  ...staffWords(lang, "counter"),
  ...(Object.fromEntries(Object.entries(shared).map(([name, key]) => [name, say(lang, key)])) as {
    [K in keyof typeof shared]: string;
  }),
});

/** What a channel that needs no visit lets people do instead, from the catalogue; an unknown channel by its id. */
export const alternativeWord = (channel: string, lang: ResidentLang): Html | string =>
  Object.hasOwn(insteadKeys, channel) ? sayHtml(lang, insteadKeys[channel]) : channel;
