import { Lang } from "@crisis/platform/contracts";
import { counterWords } from "./counter-words";
import { html } from "./html";

/** On a service's page: book a visit time, or see today's remote tickets. */
export function counterLinks(serviceId: string, lang: Lang) {
  const w = counterWords(lang);
  const id = encodeURIComponent(serviceId);
  return html`<p class="counter-links">
    <a class="button" id="book-link" href="/services/${id}/book">${w.book}</a>
    <a class="button" id="ticket-link" href="/services/${id}/tickets">${w.ticket}</a>
  </p>`;
}
