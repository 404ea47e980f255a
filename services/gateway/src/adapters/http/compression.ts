import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { FastifyInstance } from "fastify";

import { pickEncoding } from "./status-body";

export type Encoding = "br" | "gzip";

/** "best" for files compressed once and kept; "fast" for pages made on each request. */
export function encode(body: Buffer | string, encoding: Encoding, effort: "best" | "fast"): Buffer {
  return encoding === "br"
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: effort === "best" ? 11 : 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body),
        },
      })
    : gzipSync(body, { level: effort === "best" ? 9 : 6 });
}

const textual = /^(text\/(html|css|javascript|csv|plain)|application\/(json|problem\+json|atom\+xml|xml|[\w.+-]+\+xml|manifest\+json))\b/;
/** Below this a compressed answer is hardly smaller, and costs the time to make it. */
const minimum = 1024;

/**
 * Pages and API answers to GET compressed on their way out (brotli, else gzip). Only GET: write
 * answers are kept for idempotent replays and audited as sent. Answers already encoded (the
 * cached status, the hashed files) and streams pass as they are.
 */
export function compressReplies(app: FastifyInstance) {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" || reply.getHeader("content-encoding") || reply.statusCode === 304) return payload;
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return payload;
    if (Buffer.byteLength(payload) < minimum || !textual.test(String(reply.getHeader("content-type") ?? ""))) return payload;
    const vary = reply.getHeader("vary");
    reply.header("vary", vary ? `${String(vary)}, accept-encoding` : "accept-encoding");
    const encoding = pickEncoding(request.headers["accept-encoding"]);
    if (!encoding) return payload;
    reply.header("content-encoding", encoding);
    reply.removeHeader("content-length");
    return encode(payload, encoding, "fast");
  });
}
