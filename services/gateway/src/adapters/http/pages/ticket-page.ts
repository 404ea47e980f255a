import { Lang, say } from "@crisis/platform/contracts";
import { CounterQueue, TicketPosition } from "@crisis/platform/contracts/counters";
import { alternativeWord, counterWords, japanTime } from "./counter-words";
import { Html, html, raw } from "./html";
import { page } from "./layout";

const styles = ["/assets/counters.css"];

function queueFacts(queue: CounterQueue, lang: Lang): Html {
  const w = counterWords(lang);
  return html`<dl class="facts">
    <dt>${w.nowServing}</dt>
    <dd class="now-serving">${queue.nowServing || "—"}</dd>
    <dt>${w.waiting}</dt>
    <dd class="waiting">${queue.waiting}${w.people}</dd>
  </dl>`;
}

function suspendedNote(queue: CounterQueue, lang: Lang): Html {
  const w = counterWords(lang);
  return html`<section class="panel crisis">
    <p>${w.noTicketToday}</p>
    ${
      queue.alternatives.length
        ? html`<h3>${w.instead}</h3>
            <ul class="alternatives">
              ${queue.alternatives.map((a) => html`<li>${alternativeWord(a, lang)}</li>`)}
            </ul>`
        : ""
    }
  </section>`;
}

/** `/services/{id}/tickets`: today's queue at each counter of a service, each with a button to take a number. */
export function serviceTicketsPage(serviceId: string, serviceName: string, queues: CounterQueue[], lang: Lang, qrSvg?: string): string {
  const w = counterWords(lang);
  return page({
    lang,
    title: `${w.ticket} — ${serviceName || serviceId}`,
    path: `/services/${encodeURIComponent(serviceId)}/tickets`,
    scripts: ["/assets/push.js", "/assets/ticket.js"],
    styles,
    data: { page: "take", words: w },
    body: html`<h1>${w.ticket}</h1>
      <p class="big">${w.service}: <strong>${serviceName || serviceId}</strong></p>
      <p class="help">${w.ticketIntro}</p>
      <p id="ticket-status" role="status" aria-live="polite"></p>
      ${queues.map(
        (q) =>
          html`<section class="panel counter" data-counter="${q.counterId}">
            <h2>${q.officeName}</h2>
            ${
              q.suspended
                ? suspendedNote(q, lang)
                : html`${queueFacts(q, lang)}
                    <button type="submit" class="take-ticket" data-counter="${q.counterId}">${w.takeTicket}</button>`
            }
          </section>`,
      )}
      ${
        qrSvg
          ? html`<figure class="qr">
              ${raw(qrSvg)}
              <figcaption>${w.scanToFollow}</figcaption>
            </figure>`
          : ""
      }
      <p><a href="/services/${serviceId}">${w.service}</a></p>`,
  });
}

/** `/counters/{counter}`: where the QR code on the counter's poster leads: take a number from the phone. */
export const counterPage = (queue: CounterQueue, qrSvg: string, lang: Lang) =>
  serviceTicketsPage(queue.serviceId, queue.serviceName, [queue], lang, qrSvg);

/** `/tickets/{code}`: one remote ticket: its number, the people ahead and the expected time, the follow button. */
export function ticketPage(position: TicketPosition | undefined, code: string, qrSvg: string, lang: Lang): string {
  const w = counterWords(lang);
  if (!position?.ticket || !position.queue)
    return page({
      lang,
      title: w.ticket,
      path: `/tickets/${encodeURIComponent(code)}`,
      scripts: [],
      styles,
      body: html`<h1>${w.ticket}</h1>
        <p class="problem" role="alert" id="ticket-missing">${w.notFound}</p>`,
    });
  const { ticket, queue } = position;
  const state =
    ticket.status === "called"
      ? html`<p class="big called" id="ticket-called">${w.called}</p>`
      : ticket.status === "cancelled"
        ? html`<section class="panel crisis" id="ticket-crisis">
            <h2>${w.ticketCancelled}</h2>
            <p id="ticket-notice">
              ${say(lang, "ticketCancelled", { service: ticket.serviceName, number: ticket.number, instead: "" }).trimEnd()}
            </p>
            ${
              ticket.alternatives.length
                ? html`<h3>${w.instead}</h3>
                    <ul id="ticket-alternatives">
                      ${ticket.alternatives.map((a) => html`<li>${alternativeWord(a, lang)}</li>`)}
                    </ul>`
                : ""
            }
          </section>`
        : html`<dl class="facts">
            <dt>${w.ahead}</dt>
            <dd id="ticket-ahead">${position.ahead}${w.people}</dd>
            <dt>${w.eta}</dt>
            <dd id="ticket-eta">${position.etaMinutes}${lang === "en" ? " " : ""}${w.minutes}</dd>
            <dt>${w.nowServing}</dt>
            <dd id="ticket-serving">${queue.nowServing || "—"}</dd>
          </dl>`;
  return page({
    lang,
    title: `${w.ticket} ${ticket.number}`,
    path: `/tickets/${ticket.code}`,
    scripts: ["/assets/push.js", "/assets/ticket.js"],
    styles,
    data: { page: "ticket", code: ticket.code, status: ticket.status, words: w },
    body: html`<article id="ticket" data-code="${ticket.code}" data-status="${ticket.status}">
      <h1>${w.ticket}</h1>
      <p>${ticket.officeName} · ${ticket.serviceName} · ${japanTime(ticket.issuedAt)}</p>
      <p>${w.yourNumber}</p>
      <p class="ticket-number" id="ticket-number">${ticket.number}</p>
      ${state}
      <p id="ticket-status" role="status" aria-live="polite"></p>
      ${ticket.status === "waiting" ? html`<p><button type="button" id="follow-ticket">${w.followTicket}</button></p>` : ""}
      <figure class="qr">
        ${raw(qrSvg)}
        <figcaption>${w.scanToFollow}</figcaption>
      </figure>
      <p class="help">${w.ticketCode}: <span class="code">${ticket.code}</span></p>
    </article>`,
  });
}

/** `/desk/{counter}`: the counter's desk, also for a large screen: the number called, the queue, the day's bookings. */
export function deskPage(queue: CounterQueue, lang: Lang, day = ""): string {
  const w = counterWords(lang);
  return page({
    lang,
    title: `${w.desk} — ${queue.officeName} ${queue.serviceName}`,
    path: `/desk/${encodeURIComponent(queue.counterId)}`,
    scripts: ["/assets/counter-desk.js"],
    styles,
    data: { page: "desk", counterId: queue.counterId, day, words: w },
    body: html`<article id="desk" data-counter="${queue.counterId}">
      <h1>${queue.officeName} · ${queue.serviceName}</h1>
      ${queue.suspended ? suspendedNote(queue, lang) : ""}
      <div class="desk-board">
        <section>
          <h2>${w.nowServing}</h2>
          <p class="desk-number" id="desk-serving" aria-live="polite">${queue.nowServing || "—"}</p>
        </section>
        <section>
          <h2>${w.waiting}</h2>
          <p class="figure" id="desk-waiting">${queue.waiting}</p>
          <h2>${w.served}</h2>
          <p class="figure" id="desk-issued">${queue.nowServing} / ${queue.issued}</p>
        </section>
      </div>
      <p id="desk-status" role="status" aria-live="polite"></p>
      <p>
        <button type="submit" class="call-next" id="call-next">${w.callNext}</button>
        <button type="button" id="print-ticket">${w.printTicket}</button>
      </p>
      <section class="panel">
        <h2>${day ? html`${w.bookingsOf} ${day}` : w.todaysBookings}</h2>
        <div id="day-bookings"><p class="help">${w.signInNeeded}</p></div>
      </section>
    </article>`,
  });
}
