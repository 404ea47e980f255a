import { FastifyInstance, FastifyReply } from "fastify";
import { Clock } from "@crisis/platform";
import { AppError } from "@crisis/platform/contracts";
import { CounterBooking } from "@crisis/platform/contracts/counters";
import { CounterBookings } from "../../../app/counters";
import { bookPage, bookingViewPage } from "../pages/booking-page";
import { japanToday } from "../pages/counter-words";
import { pageLang } from "../pages/words";

export interface CounterPageDeps {
  bookings: CounterBookings;
  /** A counter service's name in the catalogue (empty when unknown or not answering). */
  serviceName: (serviceId: string, correlationId: string) => Promise<string>;
  clock: Clock;
}

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
  // The code form sends ?code=; a push opens /bookings/<code>.
  app.get<{ Querystring: { code?: string } }>("/bookings", async (request, reply) => {
    const code = typeof request.query.code === "string" ? request.query.code.trim() : "";
    return bookingPage(code, request, reply, pageLang(request, reply));
  });
  app.get<{ Params: { code: string } }>("/bookings/:code", async (request, reply) =>
    bookingPage(request.params.code, request, reply, pageLang(request, reply)),
  );
}
