import { FastifyInstance, FastifyReply } from "fastify";
import { Clock } from "@crisis/platform";
import { AppError, cityDate } from "@crisis/platform/contracts";
import { CounterBooking } from "@crisis/platform/contracts/counters";
import QRCode from "qrcode";
import { CounterBookings, CounterTickets, counterIdOf } from "../app/counters";
import { FacilitiesDirectory } from "../../../app/ports";
import { bookPage, bookingViewPage } from "./pages/booking-page";
import { counterPage, deskPage, serviceTicketsPage, ticketPage } from "./pages/ticket-page";
import { PageLanguage, residentPageLang } from "../../../adapters/http/page-parts/resident";
import { pageLang } from "../../../adapters/http/page-parts/page-lang";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { problemBody } from "../../../adapters/http/problem";

export interface CounterPageDeps {
  bookings: CounterBookings;
  /** A counter service's name in the catalogue (empty when unknown or not answering). */
  serviceName: (serviceId: string, correlationId: string) => Promise<string>;
  tickets: CounterTickets;
  /** The offices (ward and branch offices) whose counters give tickets. */
  directory: FacilitiesDirectory;
  /** Where the QR codes lead (the city's public address of these pages). */
  publicBaseUrl: string;
  clock: Clock;
}

const noSuchBooking = { 200: "text/html", 404: "no such booking" };
const noSuchCounter = { 404: "COUNTER_NOT_FOUND" };

/** The counters' pages (bookings, tickets, the desk): anyone may book, staff of a counter call its numbers. */
export const counterPageApi = {
  book: declareRoute({
    method: "GET",
    url: "/services/:id/book",
    summary: "Book a visit time at a counter service (HTML)",
    responses: { 200: "text/html" },
  }),
  findBooking: declareRoute({
    method: "GET",
    url: "/bookings",
    summary: "Open a booking by its code (HTML; ?code=)",
    responses: noSuchBooking,
  }),
  booking: declareRoute({
    method: "GET",
    url: "/bookings/:code",
    summary: "One booking, as its holder sees it (HTML)",
    responses: noSuchBooking,
  }),
  serviceTickets: declareRoute({
    method: "GET",
    url: "/services/:id/tickets",
    summary: "Today's queue at each counter of a service, to take a remote ticket (HTML)",
    responses: { 200: "text/html", 404: "no counter" },
  }),
  counter: declareRoute({
    method: "GET",
    url: "/counters/:counter",
    summary: "One counter's queue, where its poster's QR code leads (HTML)",
    responses: { 200: "text/html" },
    problems: noSuchCounter,
  }),
  ticket: declareRoute({
    method: "GET",
    url: "/tickets/:code",
    summary: "One remote ticket: number, people ahead, expected time (HTML)",
    responses: { 200: "text/html", 404: "no such ticket" },
  }),
  desk: declareRoute({
    method: "GET",
    url: "/desk/:counter",
    summary: "A counter's desk and big screen: call the next number, the day's bookings (HTML)",
    responses: { 200: "text/html" },
    problems: noSuchCounter,
  }),
};

const counterOffices = new Set(["ward_office", "branch_office"]);

/** A QR code as SVG markup, made here from our own URL (no user text reaches it). */
const qrSvg = (url: string) => QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });

/**
 * Private (a booking's or a ticket's page names its code) and asked again each time, but not no-store:
 * that would keep a resident's back button from the back/forward cache.
 */
const sendPage = (reply: FastifyReply, body: string, code = 200) =>
  reply.code(code).type("text/html; charset=utf-8").header("cache-control", "private, no-cache").header("vary", "cookie").send(body);

const refusal = (err: unknown) => {
  if (err instanceof AppError && err.status < 500) return err;
  throw err;
};

/** The citizens' counter pages, in every resident language: book a time without an account, then read, change or cancel it with the code. */
export function counterPageRoutes(app: FastifyInstance, deps: CounterPageDeps) {
  serve(app, counterPageApi.book, async ({ request, reply, params, query }) => {
    const lang = residentPageLang(request, reply);
    const date = typeof query.date === "string" && query.date ? query.date : cityDate(deps.clock.now());
    const changing = typeof query.change === "string" ? query.change.slice(0, 12) : undefined;
    const [serviceName, answer] = await Promise.all([
      deps.serviceName(params.id, request.id).catch(() => ""),
      deps.bookings
        .slots({ serviceId: params.id, date, channel: "" }, request.id)
        .then((slots) => ({ slots, problem: undefined }))
        .catch((err: unknown) => ({ slots: [], problem: refusal(err) })),
    ]);
    // A refusal of the day (unknown service, bad date) is said as its problem+json's detail, in the page's language.
    const problem = answer.problem && problemBody(answer.problem, request.id, lang.lang).detail;
    const body = bookPage({ serviceId: params.id, serviceName, date, slots: answer.slots, problem, changing }, lang);
    return sendPage(reply, body, answer.problem?.status ?? 200);
  });

  const bookingPage = async (code: string, request: { id: string }, reply: FastifyReply, lang: PageLanguage) => {
    let booking: CounterBooking | undefined;
    if (code) booking = await deps.bookings.get(code, request.id).catch((err: unknown) => void refusal(err));
    return sendPage(reply, bookingViewPage(booking, code, lang), code && !booking ? 404 : 200);
  };
  serve(app, counterPageApi.serviceTickets, async ({ request, reply, params }) => {
    const lang = residentPageLang(request, reply);
    const [serviceName, offices] = await Promise.all([
      deps.serviceName(params.id, request.id).catch(() => ""),
      deps.directory.list(request.id),
    ]);
    const counters = offices.filter((f) => counterOffices.has(f.category)).map((f) => counterIdOf(params.id, f.id));
    // An office whose kind of counter does not offer the service answers COUNTER_NOT_FOUND: it is left out.
    const queues = await Promise.all(counters.map((id) => deps.tickets.queue(id, request.id).catch((err: unknown) => void refusal(err))));
    const found = queues.filter((q) => q !== undefined);
    return sendPage(reply, serviceTicketsPage(params.id, serviceName, found, lang), found.length ? 200 : 404);
  });

  // The poster at the counter carries this page's QR code: take a number from the phone.
  serve(app, counterPageApi.counter, async ({ request, reply, params }) => {
    const lang = residentPageLang(request, reply);
    const queue = await deps.tickets.queue(params.counter, request.id);
    const svg = await qrSvg(`${deps.publicBaseUrl}/counters/${encodeURIComponent(queue.counterId)}`);
    return sendPage(reply, counterPage(queue, svg, lang));
  });

  // A paper ticket carries this page's QR code: scanning it follows the ticket on the phone.
  serve(app, counterPageApi.ticket, async ({ request, reply, params }) => {
    const lang = residentPageLang(request, reply);
    const position = await deps.tickets.get(params.code, request.id).catch((err: unknown) => void refusal(err));
    const code = position?.ticket?.code ?? params.code;
    const svg = position ? await qrSvg(`${deps.publicBaseUrl}/tickets/${encodeURIComponent(code)}`) : "";
    return sendPage(reply, ticketPage(position, code, svg, lang), position ? 200 : 404);
  });

  // The desk's calls and bookings need a signed-in facility_admin or staff; the page itself is the public board.
  // ?date= shows another day's bookings (the day after a declaration, say); the queue is always today's.
  serve(app, counterPageApi.desk, async ({ request, reply, params, query }) => {
    const lang = pageLang(request, reply);
    const day = typeof query.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(query.date) ? query.date : "";
    return sendPage(reply, deskPage(await deps.tickets.queue(params.counter, request.id), lang, day));
  });

  // The code form sends ?code=; a push opens /bookings/<code>.
  serve(app, counterPageApi.findBooking, async ({ request, reply, query }) => {
    const code = typeof query.code === "string" ? query.code.trim() : "";
    return bookingPage(code, request, reply, residentPageLang(request, reply));
  });
  serve(app, counterPageApi.booking, async ({ request, reply, params }) =>
    bookingPage(params.code, request, reply, residentPageLang(request, reply)),
  );
}
