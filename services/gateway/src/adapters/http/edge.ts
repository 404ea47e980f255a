import { createHash } from "node:crypto";
import { IncomingMessage, STATUS_CODES } from "node:http";
import { Socket } from "node:net";
import cors from "@fastify/cors";
import helmet from "helmet";
import rateLimit from "@fastify/rate-limit";
import { FastifyInstance, FastifyReply } from "fastify";
import { headerNames, newId } from "@crisis/platform";
import { errors } from "../../domain/errors";

export interface EdgeOptions {
  /** Origins whose pages may call the API from a browser; none by default. */
  corsOrigins: string[];
  /** Sends Strict-Transport-Security: only when the gateway is reached over TLS. */
  hsts: boolean;
  /** Proxies whose X-Forwarded-For names the client (addresses, CIDRs, named ranges); false: none. */
  trustProxy?: false | string[];
  /** Requests per window from one IP address, and with one bearer token. */
  rateLimit: { perIp: number; perToken: number; windowMs: number };
  /** The status page's map tile URL template (PAGES_TILE_URL): its origin may serve images. */
  tileUrl?: string;
  /**
   * The identity provider's origin: サインアウト's form post is redirected there (RP-initiated
   * logout), and browsers hold a form's redirects to form-action too.
   */
  signInOrigin?: string;
}

/**
 * The origin a tile URL template loads from, as a CSP source ("https://*.tile.example.org" for
 * Leaflet's `{s}` subdomains); undefined for anything that is not a plain http(s) host, so no
 * setting can slip another directive into the policy.
 */
export function tileSource(template: string | undefined): string | undefined {
  const match = template && /^(https?:\/\/)([^/?#]+)/.exec(template);
  if (!match) return undefined;
  const host = match[2].replace(/^\{s\}\./, "*.");
  return /^(\*\.)?[\w.-]+(:\d+)?$/.test(host) ? `${match[1]}${host}` : undefined;
}

const correlationIdPattern = /^[\w.:-]{8,128}$/;

/** The caller's X-Correlation-Id when it is a sensible one, else a new id: it marks every log line and answer. */
export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers[headerNames.correlationId];
  return typeof given === "string" && correlationIdPattern.test(given) ? given : newId();
}

/** Probes and scrapes are not rate limited: an orchestrator must always reach them. */
const unlimited = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * The security headers helmet sends, worked out once: helmet's middleware would otherwise run its
 * dozen steps on every request, and the status benchmark showed that as a cost.
 */
export function securityHeaders(options: Pick<EdgeOptions, "hsts" | "tileUrl" | "signInOrigin">): [string, string][] {
  const tiles = tileSource(options.tileUrl);
  const headers = new Map<string, string>();
  const collect = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", ...(tiles ? [tiles] : [])],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", ...(options.signInOrigin ? [options.signInOrigin] : [])],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    hsts: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })(undefined as never, collect as never, (err) => {
    if (err) throw err as Error;
  });
  return [...headers];
}

/**
 * The hardened edge: security headers (CSP without inline script, frame-ancestors none,
 * nosniff, HSTS behind TLS), CORS only for configured origins, and rate limits per IP and per
 * token answered as 429 problem+json with Retry-After. Each request pays for a few header
 * writes and one rate-limit look-up, nothing more.
 */
export async function hardenEdge(app: FastifyInstance, options: EdgeOptions) {
  const headers = securityHeaders(options);
  // On the raw response, so that streams that take over the response (SSE) carry them too.
  app.addHook("onRequest", (request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    reply.raw.setHeader(headerNames.correlationId, request.id);
    done();
  });
  // Without allowed origins there is nothing to answer a browser's preflight with.
  if (options.corsOrigins.length)
    await app.register(cors, {
      origin: options.corsOrigins,
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
  const refuse = (reply: FastifyReply, limit: { isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }) => {
    if (limit.isAllowed || !limit.isExceeded) return;
    reply.header("retry-after", String(limit.ttlInSeconds));
    throw errors.rateLimited(limit.ttlInSeconds ?? 1);
  };
  app.addHook("onRequest", async (request, reply) => {
    if (unlimited.has(request.url)) return;
    refuse(reply, await perIp(request));
    if (request.headers.authorization) refuse(reply, await perToken(request));
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
