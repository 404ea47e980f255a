import { ResidentLang, cityDate } from "@crisis/platform/contracts";
import { CounterBooking, CounterSlot } from "@crisis/platform/contracts/counters";
import { alternativeWord } from "./counter-words";
import { counterScriptWords, counterShell } from "./counter-shell";
import { Html, html } from "../../../../adapters/http/page-parts/html";
import { page } from "../../../../adapters/http/page-parts/layout";
import {
  PageLanguage,
  nameHtml,
  residentClock,
  residentTime,
  residentTimeSpan,
  residentWords,
  sayHtml,
  sayText,
} from "../../../../adapters/http/page-parts/resident";

const scripts = ["/assets/push.js", "/assets/booking.js"];
const styles = ["/assets/counters.css"];

function codeForm(lang: ResidentLang): Html {
  const w = residentWords(lang);
  return html`<form class="panel" method="get" action="/bookings">
    <h2>${w("bookHaveCode")}</h2>
    <label>${w("bookingCode")} <input name="code" autocomplete="off" maxlength="12" required /></label>
    <button type="submit">${w("bookingOpen")}</button>
  </form>`;
}

function slotTable(slots: CounterSlot[], lang: ResidentLang, changing: boolean): Html {
  const w = residentWords(lang);
  const help = w(changing ? "bookMoveHere" : "bookThis");
  const offices = [...new Set(slots.map((s) => s.officeName))];
  return html`<p class="help">${help}</p>
    ${offices.map(
      (office) =>
        html`<section class="office">
          <h3>${nameHtml(lang, office)}</h3>
          <ul class="slots">
            ${slots
              .filter((s) => s.officeName === office)
              .map(
                (s) =>
                  html`<li>
                    <button type="button" class="slot" data-slot="${s.id}" ${s.free > 0 ? "" : html`disabled`}>
                      <span class="when">${residentClock(s.startsAt, lang)}</span>
                      <span class="free">${s.free > 0 ? w("slotFree", { n: s.free }) : w("slotFull")}</span>
                    </button>
                  </li>`,
              )}
          </ul>
        </section>`,
    )}
    <p class="help">${help}</p>`;
}

export interface BookPageInput {
  serviceId: string;
  serviceName: string;
  date: string;
  slots: CounterSlot[];
  /** A refusal of the day's slots (unknown service, bad date), shown instead of the list. */
  problem?: string;
  /** Changing an existing booking to one of these times. */
  changing?: string;
}

/** `/services/{id}/book`: the day's times at each office, each one button to book it. */
export function bookPage(input: BookPageInput, language: ResidentLang | PageLanguage): string {
  const { lang, shell } = counterShell(language);
  const w = residentWords(lang);
  const path = `/services/${encodeURIComponent(input.serviceId)}/book`;
  const service = input.serviceName || input.serviceId;
  return page({
    ...shell,
    title: `${sayText(lang, "bookTitle")} — ${service}`,
    path: `${path}?date=${input.date}${input.changing ? `&change=${input.changing}` : ""}`,
    scripts,
    styles,
    data: { page: "book", serviceId: input.serviceId, changing: input.changing ?? "", words: counterScriptWords(lang) },
    body: html`<article id="book">
      <h1>${w("bookTitle")}</h1>
      <p class="big">${w("counterProcedure")}: <strong id="service-name">${nameHtml(lang, service)}</strong></p>
      <p class="help">${w("bookIntro")}</p>
      <form method="get" action="${path}">
        <label>${w("bookDay")} <input type="date" name="date" value="${input.date}" required /></label>
        ${input.changing ? html`<input type="hidden" name="change" value="${input.changing}" />` : ""}
        <button type="submit">${w("bookShow")}</button>
      </form>
      <p id="book-status" role="status" aria-live="polite"></p>
      ${
        input.problem
          ? html`<p class="problem" role="alert">${input.problem}</p>`
          : input.slots.length === 0
            ? html`<p id="no-slots">${w("bookNoSlots")}</p>`
            : slotTable(input.slots, lang, Boolean(input.changing))
      }
      ${codeForm(lang)}
      <p><a href="/services/${input.serviceId}">${w("counterProcedure")}</a></p>
    </article>`,
  });
}

/** What crisis mode did to a booking, said in the page's language from the catalogue (the booking keeps it in Japanese). */
function crisisNotice(booking: CounterBooking, lang: ResidentLang): Html {
  const service = nameHtml(lang, booking.serviceName);
  return booking.crisisChange === "moved"
    ? sayHtml(lang, "bookingMoved", { service, office: nameHtml(lang, booking.officeName), time: residentTime(booking.startsAt, lang) })
    : sayHtml(lang, "bookingCancelled", { service, instead: "" });
}

/** `/bookings/{code}`: one booking as its holder sees it, with what crisis mode did to it. */
export function bookingViewPage(booking: CounterBooking | undefined, code: string, language: ResidentLang | PageLanguage): string {
  const { lang, shell } = counterShell(language);
  const w = residentWords(lang);
  if (!booking)
    return page({
      ...shell,
      title: sayText(lang, "bookingYours"),
      path: code ? `/bookings?code=${encodeURIComponent(code)}` : "/bookings",
      scripts,
      styles,
      data: { page: "booking-missing", words: counterScriptWords(lang) },
      body: html`<h1>${w("bookingYours")}</h1>
        ${code ? html`<p class="problem" role="alert" id="booking-missing">${w("bookingNotFound")}</p>` : ""} ${codeForm(lang)}`,
    });
  const cancelled = booking.status === "cancelled";
  const change =
    booking.crisisChange === "moved" ? w("bookingCrisisMoved") : booking.crisisChange === "cancelled" ? w("bookingCrisisCancelled") : "";
  return page({
    ...shell,
    title: `${sayText(lang, "bookingYours")} ${booking.code}`,
    path: `/bookings/${booking.code}`,
    scripts,
    styles,
    data: { page: "booking", code: booking.code, serviceId: booking.serviceId, words: counterScriptWords(lang) },
    body: html`<article id="booking" data-code="${booking.code}" data-status="${booking.status}">
      <h1>${w("bookingYours")}</h1>
      <p class="code-line">${w("bookingCode")}: <strong class="code" id="booking-code">${booking.code}</strong></p>
      ${cancelled ? "" : html`<p class="help">${w("bookingKeepCode")}</p>`}
      <dl class="facts">
        <dt>${w("counterProcedure")}</dt>
        <dd>${nameHtml(lang, booking.serviceName)}</dd>
        <dt>${w("bookOffice")}</dt>
        <dd id="booking-office">${nameHtml(lang, booking.officeName)}</dd>
        <dt>${w("bookTime")}</dt>
        <dd id="booking-time">${residentTimeSpan(booking.startsAt, booking.endsAt, lang)}</dd>
        <dt>${w("bookingState")}</dt>
        <dd id="booking-state">${cancelled ? w("bookingCancelledState") : w("bookingBooked")}</dd>
      </dl>
      ${
        change
          ? html`<section class="panel crisis" id="booking-crisis">
              <h2>${change}</h2>
              <p id="booking-notice">${crisisNotice(booking, lang)}</p>
              ${
                booking.alternatives.length
                  ? html`<h3>${w("counterInstead")}</h3>
                      <ul id="booking-alternatives">
                        ${booking.alternatives.map((a) => html`<li>${alternativeWord(a, lang)}</li>`)}
                      </ul>`
                  : ""
              }
            </section>`
          : ""
      }
      <p id="booking-status" role="status" aria-live="polite"></p>
      <p><button type="button" id="follow-booking">${w("bookingFollow")}</button></p>
      ${
        cancelled
          ? ""
          : html`<p>
              <a
                class="button"
                id="change-booking"
                href="/services/${booking.serviceId}/book?date=${cityDate(Date.parse(booking.startsAt))}&change=${booking.code}"
                >${w("bookingChange")}</a
              >
              <button type="button" class="danger" id="cancel-booking">${w("bookingCancel")}</button>
            </p>`
      }
    </article>`,
  });
}
