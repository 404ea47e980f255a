import { FastifyInstance } from "fastify";
import { LiveStatus } from "../../../app/follow-status";
import { readStatus } from "../../../app/read-status";
import { cachedBody, notModified, pickEncoding } from "../status-body";

export function statusRoutes(app: FastifyInstance, live: LiveStatus) {
  const encoded = cachedBody();
  app.get("/api/v1/status", async (request, reply) => {
    const status = readStatus(live);
    const body = encoded(status.version, status.tag, status.lastModified, status.body);
    reply.headers(body.headers);
    if (notModified(request.headers, body)) return reply.code(304).send();
    const encoding = pickEncoding(request.headers["accept-encoding"]);
    reply.type("application/json; charset=utf-8");
    if (encoding) reply.header("content-encoding", encoding);
    return reply.send(encoding ? body[encoding] : body.identity);
  });
}
