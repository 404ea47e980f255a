import { Lang, say } from "@crisis/platform/contracts";
import { CounterBooking, CounterSlot } from "@crisis/platform/contracts/counters";
import { alternativeWord, counterWords, japanTime } from "./counter-words";
import { Html, html } from "./html";
import { page } from "./layout";

const scripts = ["/assets/push.js", "/assets/booking.js"];
const styles = ["/assets/counters.css"];

function codeForm(lang: Lang): Html {
  const w = counterWords(lang);
  return html`<form class="panel" method="get" action="/bookings">
    <h2>${w.haveCode}</h2>
    <label>${w.code} <input name="code" autocomplete="off" maxlength="12" required /></label>
    <button type="submit">${w.open}</button>
  </form>`;
}

function slotTable(slots: CounterSlot[], lang: Lang, changing: boolean): Html {
  const w = counterWords(lang);
  const offices = [...new Set(slots.map((s) => s.officeName))];
  return html`<p class="help">${changing ? w.moveHere : w.bookThis}</p>
    ${offices.map(
      (office) =>
        html`<section class="office">
          <h3>${office}</h3>
          <ul class="slots">
            ${slots
              .filter((s) => s.officeName === office)
              .map(
                (s) =>
                  html`<li>
                    <button type="button" class="slot" data-slot="${s.id}" ${s.free > 0 ? "" : html`disabled`}>
                      <span class="when">${japanTime(s.startsAt, false)}</span>
                      <span class="free">${s.free > 0 ? html`${w.free} ${s.free}` : w.full}</span>
                    </button>
                  </li>`,
              )}
          </ul>
        </section>`,
    )}
    <p class="help">${changing ? w.moveHere : w.bookThis}</p>`;
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
export function bookPage(input: BookPageInput, lang: Lang): string {
  const w = counterWords(lang);
  const path = `/services/${encodeURIComponent(input.serviceId)}/book`;
  return page({
    lang,
    title: `${w.book} — ${input.serviceName || input.serviceId}`,
    path: `${path}?date=${input.date}${input.changing ? `&change=${input.changing}` : ""}`,
    scripts,
    styles,
    data: { page: "book", serviceId: input.serviceId, changing: input.changing ?? "", words: w },
    body: html`<article id="book">
      <h1>${w.book}</h1>
      <p class="big">${w.service}: <strong id="service-name">${input.serviceName || input.serviceId}</strong></p>
      <p class="help">${w.bookIntro}</p>
      <form method="get" action="${path}">
        <label>${w.day} <input type="date" name="date" value="${input.date}" required /></label>
        ${input.changing ? html`<input type="hidden" name="change" value="${input.changing}" />` : ""}
        <button type="submit">${w.show}</button>
      </form>
      <p id="book-status" role="status" aria-live="polite"></p>
      ${
        input.problem
          ? html`<p class="problem" role="alert">${input.problem}</p>`
          : input.slots.length === 0
            ? html`<p id="no-slots">${w.noSlots}</p>`
            : slotTable(input.slots, lang, Boolean(input.changing))
      }
      ${codeForm(lang)}
      <p><a href="/services/${input.serviceId}">${w.service}</a></p>
    </article>`,
  });
}

/** `/bookings/{code}`: one booking as its holder sees it, with what crisis mode did to it. */
export function bookingViewPage(booking: CounterBooking | undefined, code: string, lang: Lang): string {
  const w = counterWords(lang);
  if (!booking)
    return page({
      lang,
      title: w.yourBooking,
      path: "/bookings",
      scripts,
      styles,
      data: { page: "booking-missing", words: w },
      body: html`<h1>${w.yourBooking}</h1>
        ${code ? html`<p class="problem" role="alert" id="booking-missing">${w.notFound}</p>` : ""} ${codeForm(lang)}`,
    });
  const cancelled = booking.status === "cancelled";
  const change = booking.crisisChange === "moved" ? w.crisisMoved : booking.crisisChange === "cancelled" ? w.crisisCancelled : "";
  // Said in the page's language from the catalogue (the booking keeps it in Japanese); the alternatives follow as a list.
  const notice =
    booking.crisisChange === "moved"
      ? say(lang, "bookingMoved", { service: booking.serviceName, office: booking.officeName, time: japanTime(booking.startsAt) })
      : say(lang, "bookingCancelled", { service: booking.serviceName, instead: "" }).trimEnd();
  return page({
    lang,
    title: `${w.yourBooking} ${booking.code}`,
    path: `/bookings/${booking.code}`,
    scripts,
    styles,
    data: { page: "booking", code: booking.code, serviceId: booking.serviceId, words: w },
    body: html`<article id="booking" data-code="${booking.code}" data-status="${booking.status}">
      <h1>${w.yourBooking}</h1>
      <p class="code-line">${w.code}: <strong class="code" id="booking-code">${booking.code}</strong></p>
      ${cancelled ? "" : html`<p class="help">${w.keepCode}</p>`}
      <dl class="facts">
        <dt>${w.service}</dt>
        <dd>${booking.serviceName}</dd>
        <dt>${w.office}</dt>
        <dd id="booking-office">${booking.officeName}</dd>
        <dt>${w.time}</dt>
        <dd id="booking-time">${japanTime(booking.startsAt)}–${japanTime(booking.endsAt, false)}</dd>
        <dt>${w.status}</dt>
        <dd id="booking-state">${cancelled ? w.cancelled : w.booked}</dd>
      </dl>
      ${
        change
          ? html`<section class="panel crisis" id="booking-crisis">
              <h2>${change}</h2>
              <p id="booking-notice">${notice}</p>
              ${
                booking.alternatives.length
                  ? html`<h3>${w.instead}</h3>
                      <ul id="booking-alternatives">
                        ${booking.alternatives.map((a) => html`<li>${alternativeWord(a, lang)}</li>`)}
                      </ul>`
                  : ""
              }
            </section>`
          : ""
      }
      <p id="booking-status" role="status" aria-live="polite"></p>
      <p><button type="button" id="follow-booking">${w.follow}</button></p>
      ${
        cancelled
          ? ""
          : html`<p>
              <a
                class="button"
                id="change-booking"
                href="/services/${booking.serviceId}/book?date=${booking.startsAt.slice(0, 10)}&change=${booking.code}"
                >${w.change}</a
              >
              <button type="button" class="danger" id="cancel-booking">${w.cancel}</button>
            </p>`
      }
    </article>`,
  });
}
