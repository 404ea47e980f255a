import { FastifyInstance, FastifyReply } from "fastify";
import { Clock } from "@crisis/platform";
import { AppError } from "@crisis/platform/contracts";
import { CounterBooking } from "@crisis/platform/contracts/counters";
import QRCode from "qrcode";
import { CounterBookings, CounterTickets, counterIdOf } from "../../../app/counters";
import { FacilitiesDirectory } from "../../../app/ports";
import { bookPage, bookingViewPage } from "../pages/booking-page";
import { japanToday } from "../pages/counter-words";
import { counterPage, deskPage, serviceTicketsPage, ticketPage } from "../pages/ticket-page";
import { pageLang } from "../pages/words";

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

const counterOffices = new Set(["ward_office", "branch_office"]);

/** A QR code as SVG markup, made here from our own URL (no user text reaches it). */
const qrSvg = (url: string) => QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });

const sendPage = (reply: FastifyReply, body: string, code = 200) =>
  reply.code(code).type("text/html; charset=utf-8").header("cache-control", "no-store").header("vary", "cookie").send(body);

const refusal = (err: unknown) => {
  if (err instanceof AppError && err.status < 500) return err;
  throw err;
};

/** The citizens' counter pages: book a time without an account, then read, change or cancel it with the code. */
export function counterPageRoutes(app: FastifyInstance, deps: CounterPageDeps) {
  app.get<{ Params: { id: string }; Querystring: { date?: string; change?: string } }>("/services/:id/book", async (request, reply) => {
    const lang = pageLang(request, reply);
    const date = typeof request.query.date === "string" && request.query.date ? request.query.date : japanToday(deps.clock.now());
    const changing = typeof request.query.change === "string" ? request.query.change.slice(0, 12) : undefined;
    const [serviceName, answer] = await Promise.all([
      deps.serviceName(request.params.id, request.id).catch(() => ""),
      deps.bookings
        .slots({ serviceId: request.params.id, date, channel: "" }, request.id)
        .then((slots) => ({ slots, problem: undefined }))
        .catch((err: unknown) => ({ slots: [], problem: refusal(err) })),
    ]);
    const body = bookPage(
      { serviceId: request.params.id, serviceName, date, slots: answer.slots, problem: answer.problem?.message, changing },
      lang,
    );
    return sendPage(reply, body, answer.problem?.status ?? 200);
  });

  const bookingPage = async (code: string, request: { id: string }, reply: FastifyReply, lang: ReturnType<typeof pageLang>) => {
    let booking: CounterBooking | undefined;
    if (code) booking = await deps.bookings.get(code, request.id).catch((err: unknown) => void refusal(err));
    return sendPage(reply, bookingViewPage(booking, code, lang), code && !booking ? 404 : 200);
  };
  app.get<{ Params: { id: string } }>("/services/:id/tickets", async (request, reply) => {
    const lang = pageLang(request, reply);
    const [serviceName, offices] = await Promise.all([
      deps.serviceName(request.params.id, request.id).catch(() => ""),
      deps.directory.list(request.id),
    ]);
    const counters = offices.filter((f) => counterOffices.has(f.category)).map((f) => counterIdOf(request.params.id, f.id));
    // An office whose kind of counter does not offer the service answers COUNTER_NOT_FOUND: it is left out.
    const queues = await Promise.all(counters.map((id) => deps.tickets.queue(id, request.id).catch((err: unknown) => void refusal(err))));
    const found = queues.filter((q) => q !== undefined);
    return sendPage(reply, serviceTicketsPage(request.params.id, serviceName, found, lang), found.length ? 200 : 404);
  });

  // The poster at the counter carries this page's QR code: take a number from the phone.
  app.get<{ Params: { counter: string } }>("/counters/:counter", async (request, reply) => {
    const lang = pageLang(request, reply);
    const queue = await deps.tickets.queue(request.params.counter, request.id);
    const svg = await qrSvg(`${deps.publicBaseUrl}/counters/${encodeURIComponent(queue.counterId)}`);
    return sendPage(reply, counterPage(queue, svg, lang));
  });

  // A paper ticket carries this page's QR code: scanning it follows the ticket on the phone.
  app.get<{ Params: { code: string } }>("/tickets/:code", async (request, reply) => {
    const lang = pageLang(request, reply);
    const position = await deps.tickets.get(request.params.code, request.id).catch((err: unknown) => void refusal(err));
    const code = position?.ticket?.code ?? request.params.code;
    const svg = position ? await qrSvg(`${deps.publicBaseUrl}/tickets/${encodeURIComponent(code)}`) : "";
    return sendPage(reply, ticketPage(position, code, svg, lang), position ? 200 : 404);
  });

  // The desk's calls and bookings need a signed-in facility_admin or staff; the page itself is the public board.
  // ?date= shows another day's bookings (the day after a declaration, say); the queue is always today's.
  app.get<{ Params: { counter: string }; Querystring: { date?: string } }>("/desk/:counter", async (request, reply) => {
    const lang = pageLang(request, reply);
    const day = typeof request.query.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(request.query.date) ? request.query.date : "";
    return sendPage(reply, deskPage(await deps.tickets.queue(request.params.counter, request.id), lang, day));
  });

  // The code form sends ?code=; a push opens /bookings/<code>.
  app.get<{ Querystring: { code?: string } }>("/bookings", async (request, reply) => {
    const code = typeof request.query.code === "string" ? request.query.code.trim() : "";
    return bookingPage(code, request, reply, pageLang(request, reply));
  });
  app.get<{ Params: { code: string } }>("/bookings/:code", async (request, reply) =>
    bookingPage(request.params.code, request, reply, pageLang(request, reply)),
  );
}
