import { ResidentLang } from "@crisis/platform/contracts";
import { html } from "../../../../adapters/http/page-parts/html";
import { residentWords } from "../../../../adapters/http/page-parts/resident";

/** On a service's page: book a visit time, or see today's remote tickets. */
export function counterLinks(serviceId: string, lang: ResidentLang) {
  const w = residentWords(lang);
  const id = encodeURIComponent(serviceId);
  return html`<p class="counter-links">
    <a class="button" id="book-link" href="/services/${id}/book">${w("bookTitle")}</a>
    <a class="button" id="ticket-link" href="/services/${id}/tickets">${w("ticketTitle")}</a>
  </p>`;
}
