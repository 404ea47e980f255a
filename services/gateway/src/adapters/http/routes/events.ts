import { FastifyInstance } from "fastify";
import { errors } from "../../../domain/errors";
import { parsePositionId } from "../../../domain/status-view";
import { SseHub } from "../sse";

export function eventRoutes(app: FastifyInstance, hub: SseHub) {
  // No HEAD: a stream has no head without its body.
  app.get<{ Querystring: { lastEventId?: string } }>("/api/v1/events", { exposeHeadRoute: false }, async (request, reply) => {
    // EventSource sends Last-Event-ID on reconnect; the query parameter serves a first connection.
    const given = request.headers["last-event-id"] ?? request.query.lastEventId;
    const after = given === undefined || given === "" ? undefined : parsePositionId(String(given));
    if (given !== undefined && given !== "" && !after) throw errors.lastEventIdInvalid();
    if (hub.full) throw errors.tooManyStreams(hub.size);
    reply.hijack();
    await hub.open(reply.raw, request.id, after);
  });
}
