import { FastifyInstance } from "fastify";
import { errors } from "../../../domain/errors";
import { parsePositionId } from "../domain/status-view";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { SseHub } from "./sse";

export const eventApi = {
  stream: declareRoute({
    method: "GET",
    url: "/api/v1/events",
    summary: "Server-Sent Events of changes; Last-Event-ID resumes without a gap",
    responses: { 200: "text/event-stream" },
    problems: { 400: "LAST_EVENT_ID_INVALID", 503: "TOO_MANY_STREAMS" },
  }),
};

export function eventRoutes(app: FastifyInstance, hub: SseHub) {
  // No HEAD: a stream has no head without its body.
  serve(
    app,
    eventApi.stream,
    async ({ request, reply, query }) => {
      // EventSource sends Last-Event-ID on reconnect; the query parameter serves a first connection.
      const given = request.headers["last-event-id"] ?? query.lastEventId;
      const after = given === undefined || given === "" ? undefined : parsePositionId(String(given));
      if (given !== undefined && given !== "" && !after) throw errors.lastEventIdInvalid();
      if (hub.full) throw errors.tooManyStreams(hub.size);
      reply.hijack();
      await hub.open(reply.raw, request.id, after);
    },
    { exposeHeadRoute: false },
  );
}
