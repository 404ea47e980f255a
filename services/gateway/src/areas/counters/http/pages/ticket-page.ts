import { Lang, ResidentLang } from "@crisis/platform/contracts";
import { CounterQueue, TicketPosition } from "@crisis/platform/contracts/counters";
import { alternativeWord, deskWords } from "./counter-words";
import { counterScriptWords, counterShell } from "./counter-shell";
import { Html, html, raw } from "../../../../adapters/http/page-parts/html";
import { page } from "../../../../adapters/http/page-parts/layout";
import { PageLanguage, nameHtml, residentTime, residentWords, sayHtml, sayText } from "../../../../adapters/http/page-parts/resident";

const styles = ["/assets/counters.css"];

function queueFacts(queue: CounterQueue, lang: ResidentLang): Html {
  const w = residentWords(lang);
  return html`<dl class="facts">
    <dt>${w("ticketNowServing")}</dt>
    <dd class="now-serving">${queue.nowServing || "—"}</dd>
    <dt>${w("ticketWaiting")}</dt>
    <dd class="waiting">${w("ticketPeople", { n: queue.waiting })}</dd>
  </dl>`;
}

function suspendedNote(queue: CounterQueue, lang: ResidentLang): Html {
  const w = residentWords(lang);
  return html`<section class="panel crisis">
    <p>${w("ticketNoneToday")}</p>
    ${
      queue.alternatives.length
        ? html`<h3>${w("counterInstead")}</h3>
            <ul class="alternatives">
              ${queue.alternatives.map((a) => html`<li>${alternativeWord(a, lang)}</li>`)}
            </ul>`
        : ""
    }
  </section>`;
}

/** `/services/{id}/tickets`: today's queue at each counter of a service, each with a button to take a number. */
export function serviceTicketsPage(
  serviceId: string,
  serviceName: string,
  queues: CounterQueue[],
  language: ResidentLang | PageLanguage,
  qrSvg?: string,
  path = `/services/${encodeURIComponent(serviceId)}/tickets`,
): string {
  const { lang, shell } = counterShell(language);
  const w = residentWords(lang);
  const service = serviceName || serviceId;
  return page({
    ...shell,
    title: `${sayText(lang, "ticketTitle")} — ${service}`,
    path,
    scripts: ["/assets/push.js", "/assets/ticket.js"],
    styles,
    data: { page: "take", words: counterScriptWords(lang) },
    body: html`<h1>${w("ticketTitle")}</h1>
      <p class="big">${w("counterProcedure")}: <strong>${nameHtml(lang, service)}</strong></p>
      <p class="help">${w("ticketIntro")}</p>
      <p id="ticket-status" role="status" aria-live="polite"></p>
      ${queues.map(
        (q) =>
          html`<section class="panel counter" data-counter="${q.counterId}">
            <h2>${nameHtml(lang, q.officeName)}</h2>
            ${
              q.suspended
                ? suspendedNote(q, lang)
                : html`${queueFacts(q, lang)}
                    <button type="submit" class="take-ticket" data-counter="${q.counterId}">${w("ticketTake")}</button>`
            }
          </section>`,
      )}
      ${
        qrSvg
          ? html`<figure class="qr">
              ${raw(qrSvg)}
              <figcaption>${w("ticketScanToFollow")}</figcaption>
            </figure>`
          : ""
      }
      <p><a href="/services/${serviceId}">${w("counterProcedure")}</a></p>`,
  });
}

/** `/counters/{counter}`: where the QR code on the counter's poster leads: take a number from the phone. */
export const counterPage = (queue: CounterQueue, qrSvg: string, language: ResidentLang | PageLanguage) =>
  serviceTicketsPage(queue.serviceId, queue.serviceName, [queue], language, qrSvg, `/counters/${encodeURIComponent(queue.counterId)}`);

/** `/tickets/{code}`: one remote ticket: its number, the people ahead and the expected time, the follow button. */
export function ticketPage(
  position: TicketPosition | undefined,
  code: string,
  qrSvg: string,
  language: ResidentLang | PageLanguage,
): string {
  const { lang, shell } = counterShell(language);
  const w = residentWords(lang);
  if (!position?.ticket || !position.queue)
    return page({
      ...shell,
      title: sayText(lang, "ticketTitle"),
      path: `/tickets/${encodeURIComponent(code)}`,
      scripts: [],
      styles,
      body: html`<h1>${w("ticketTitle")}</h1>
        <p class="problem" role="alert" id="ticket-missing">${w("ticketNotFound")}</p>`,
    });
  const { ticket, queue } = position;
  const state =
    ticket.status === "called"
      ? html`<p class="big called" id="ticket-called">${w("ticketCalledHere")}</p>`
      : ticket.status === "cancelled"
        ? html`<section class="panel crisis" id="ticket-crisis">
            <h2>${w("ticketCancelledHeading")}</h2>
            <p id="ticket-notice">
              ${sayHtml(lang, "ticketCancelled", { service: nameHtml(lang, ticket.serviceName), number: ticket.number, instead: "" })}
            </p>
            ${
              ticket.alternatives.length
                ? html`<h3>${w("counterInstead")}</h3>
                    <ul id="ticket-alternatives">
                      ${ticket.alternatives.map((a) => html`<li>${alternativeWord(a, lang)}</li>`)}
                    </ul>`
                : ""
            }
          </section>`
        : html`<dl class="facts">
            <dt>${w("ticketAhead")}</dt>
            <dd id="ticket-ahead">${w("ticketPeople", { n: position.ahead })}</dd>
            <dt>${w("ticketEta")}</dt>
            <dd id="ticket-eta">${w("ticketEtaMinutes", { n: position.etaMinutes })}</dd>
            <dt>${w("ticketNowServing")}</dt>
            <dd id="ticket-serving">${queue.nowServing || "—"}</dd>
          </dl>`;
  return page({
    ...shell,
    title: `${sayText(lang, "ticketTitle")} ${ticket.number}`,
    path: `/tickets/${ticket.code}`,
    scripts: ["/assets/push.js", "/assets/ticket.js"],
    styles,
    data: { page: "ticket", code: ticket.code, status: ticket.status, words: counterScriptWords(lang) },
    body: html`<article id="ticket" data-code="${ticket.code}" data-status="${ticket.status}">
      <h1>${w("ticketTitle")}</h1>
      <p>${nameHtml(lang, ticket.officeName)} · ${nameHtml(lang, ticket.serviceName)} · ${residentTime(ticket.issuedAt, lang)}</p>
      <p>${w("ticketYourNumber")}</p>
      <p class="ticket-number" id="ticket-number">${ticket.number}</p>
      ${state}
      <p id="ticket-status" role="status" aria-live="polite"></p>
      ${ticket.status === "waiting" ? html`<p><button type="button" id="follow-ticket">${w("ticketFollow")}</button></p>` : ""}
      <figure class="qr">
        ${raw(qrSvg)}
        <figcaption>${w("ticketScanToFollow")}</figcaption>
      </figure>
      <p class="help">${w("ticketCode")}: <span class="code">${ticket.code}</span></p>
    </article>`,
  });
}

/** `/desk/{counter}`: the counter's desk, also for a large screen: the number called, the queue, the day's bookings (a staff page). */
export function deskPage(queue: CounterQueue, lang: Lang, day = ""): string {
  const w = deskWords(lang);
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
