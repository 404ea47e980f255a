import { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { FastifyInstance } from "fastify";
import { headerNames } from "@crisis/platform";
import { LiveStatus } from "../app/follow-status";
import { readStatus } from "../app/read-status";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { correlationIdOf } from "../../../adapters/http/edge";
import { statusAnswers } from "./schemas";
import { cachedBody, notModified, pickEncoding } from "../../../adapters/http/status-body";

export interface StatusFastPathOptions {
  /** The edge's security headers, as every other answer carries them. */
  securityHeaders: [string, string][];
  /** Counts the answer in /metrics like every other. */
  observe: (method: string, route: string, status: number, seconds: number) => void;
  /** CORS origins are configured: a request with an Origin goes the long way, through the CORS plugin. */
  cors: boolean;
}

export const statusApi = {
  status: declareRoute({
    method: "GET",
    url: "/api/v1/status",
    summary: "The mode and every facility's effective status",
    responses: { 200: "status" },
    answers: { 200: statusAnswers.status },
  }),
};
const route = statusApi.status.url;

/**
 * GET /api/v1/status: the body serialized and compressed once per change, ETag and Last-Modified
 * (304 on a match). Returns the fast path, which answers the same request before fastify
 * routes it (no hooks, no request objects, no log lines), so that the status a whole city
 * reloads after an earthquake costs about what a bare Node server sending the bytes costs. A
 * request the fast path does not take (a token, an Origin with CORS, not ready yet, HEAD, a
 * query string) goes through fastify and the edge's hooks as usual.
 */
export function statusRoutes(app: FastifyInstance, live: LiveStatus) {
  const encoded = cachedBody();
  const answer = (headers: IncomingHttpHeaders) => {
    const status = readStatus(live);
    const body = encoded(status.version, status.tag, status.lastModified, status.body);
    if (notModified(headers, body)) return { code: 304, headers: body.headers, encoding: undefined, payload: undefined };
    const encoding = pickEncoding(headers["accept-encoding"]);
    return { code: 200, headers: body.headers, encoding, payload: encoding ? body[encoding] : body.identity };
  };

  serve(app, statusApi.status, async ({ request, reply }) => {
    const { code, headers, encoding, payload } = answer(request.headers);
    reply.code(code).headers(headers);
    if (!payload) return reply.send();
    reply.type("application/json; charset=utf-8");
    if (encoding) reply.header("content-encoding", encoding);
    return reply.send(payload);
  });

  return (options: StatusFastPathOptions) =>
    (req: IncomingMessage, res: ServerResponse): boolean => {
      if (req.method !== "GET" || req.url !== route || req.headers.authorization !== undefined || !live.ready()) return false;
      if (options.cors && req.headers.origin !== undefined) return false;
      const started = performance.now();
      const { code, headers, encoding, payload } = answer(req.headers);
      const head: string[] = [headerNames.correlationId, correlationIdOf(req)];
      for (const [name, value] of options.securityHeaders) head.push(name, value);
      for (const name in headers) head.push(name, headers[name]);
      if (payload) {
        head.push("content-type", "application/json; charset=utf-8", "content-length", String(payload.length));
        if (encoding) head.push("content-encoding", encoding);
      }
      res.writeHead(code, head);
      res.end(payload);
      options.observe("GET", route, code, (performance.now() - started) / 1000);
      return true;
    };
}
