import { createHash } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { Socket } from "node:net";
import cors from "@fastify/cors";
import helmet from "helmet";
import rateLimit from "@fastify/rate-limit";
import { FastifyInstance } from "fastify";
import { newId } from "@crisis/platform";
import { errors } from "../../domain/errors";

export interface EdgeOptions {
  /** Origins whose pages may call the API from a browser; none by default. */
  corsOrigins: string[];
  /** Sends Strict-Transport-Security: only when the gateway is reached over TLS. */
  hsts: boolean;
  /** Requests per window from one IP address, and with one bearer token. */
  rateLimit: { perIp: number; perToken: number; windowMs: number };
}

/** Probes and scrapes are not rate limited: an orchestrator must always reach them. */
const unlimited = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * The hardened edge: security headers (CSP without inline script, frame-ancestors none,
 * nosniff, HSTS behind TLS), CORS only for configured origins, and rate limits per IP and per
 * token answered as 429 problem+json with Retry-After.
 */
export async function hardenEdge(app: FastifyInstance, options: EdgeOptions) {
  // helmet itself, built once: @fastify/helmet rebuilds the middleware (and re-parses the CSP) on
  // every request, which the status benchmark showed as a cost.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    hsts: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  app.addHook("onRequest", (request, reply, done) => securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)));
  await app.register(cors, {
    origin: options.corsOrigins.length ? options.corsOrigins : false,
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
    allowedHeaders: ["authorization", "content-type", "idempotency-key", "last-event-id", "x-correlation-id", "x-unsubscribe-token"],
    exposedHeaders: ["x-correlation-id", "etag", "retry-after"],
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false, timeWindow: options.rateLimit.windowMs });
  const perIp = app.createRateLimit({ max: options.rateLimit.perIp, keyGenerator: (request) => request.ip });
  const perToken = app.createRateLimit({
    max: options.rateLimit.perToken,
    keyGenerator: (request) => `token:${createHash("sha256").update(String(request.headers.authorization)).digest("base64url")}`,
  });
  app.addHook("onRequest", async (request, reply) => {
    if (unlimited.has(request.url)) return;
    const checks = [perIp(request)];
    if (request.headers.authorization) checks.push(perToken(request));
    for (const limit of await Promise.all(checks)) {
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header("retry-after", String(limit.ttlInSeconds));
        throw errors.rateLimited(limit.ttlInSeconds);
      }
    }
  });
}

/**
 * Node's own refusals before any route (a malformed request line, headers too large, a client
 * too slow) answered as problem+json like every other refusal, then the connection closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === "ECONNRESET" || socket.destroyed || !socket.writable) return;
  const [status, code, detail] =
    err.code === "HPE_HEADER_OVERFLOW"
      ? [431, "HEADERS_TOO_LARGE", "the request headers are too large"]
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "REQUEST_TIMEOUT", "the request did not arrive in time"]
        : [400, "REQUEST_MALFORMED", "the request is not valid HTTP/1.1"];
  const body = JSON.stringify({ type: "about:blank", title: code, status, code, detail, field: null, correlationId: newId() });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
