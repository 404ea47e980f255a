import { Lang, MessageKey, ResidentLang, insteadKeys, say } from "@crisis/platform/contracts";
import { Html } from "./html";
import { sayHtml } from "./resident";

/**
 * The words only the counter's desk page uses (a staff page: Japanese and English). What residents
 * read there too (the number called, a booking's state) comes from the catalogue, as on their pages.
 */
const ja = {
  desk: "窓口の呼び出し",
  callNext: "次の番号を呼ぶ",
  served: "本日の呼び出し",
  printTicket: "紙の整理券を発行",
  todaysBookings: "本日の予約",
  bookingsOf: "予約",
  noBookings: "本日の予約はありません。",
  changeCol: "危機対応",
  signInNeeded: "職員のサインインが必要です。",
} as const;

type DeskOnlyWords = { [K in keyof typeof ja]: string };

const en: DeskOnlyWords = {
  desk: "Counter calls",
  callNext: "Call the next number",
  served: "Called today",
  printTicket: "Print a paper ticket",
  todaysBookings: "Today's bookings",
  bookingsOf: "Bookings on",
  noBookings: "No bookings today.",
  changeCol: "Crisis change",
  signInNeeded: "Staff sign-in is needed.",
};

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

export type DeskWords = DeskOnlyWords & { [K in keyof typeof shared]: string };

export const deskWords = (lang: Lang): DeskWords => ({
  ...(lang === "ja" ? ja : en),
  ...(Object.fromEntries(Object.entries(shared).map(([name, key]) => [name, say(lang, key)])) as {
    [K in keyof typeof shared]: string;
  }),
});

/** What a channel that needs no visit lets people do instead, from the catalogue; an unknown channel by its id. */
export const alternativeWord = (channel: string, lang: ResidentLang): Html | string =>
  Object.hasOwn(insteadKeys, channel) ? sayHtml(lang, insteadKeys[channel]) : channel;
