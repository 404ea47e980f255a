import { createHash } from "node:crypto";
import { FastifyInstance, FastifyRequest } from "fastify";
import { IdempotencyStore } from "../../app/ports";
import { errors } from "../../domain/errors";

const keyPattern = /^[\x21-\x7e]{1,255}$/;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
export const replayedHeader = "idempotent-replayed";

/**
 * `Idempotency-Key` on every POST: the first successful answer (status and body) is kept and
 * a retry with the same key, caller and body gets it again instead of running twice (so a retry
 * after a 503 or a lost answer does not meet 409 MODE_UNCHANGED). Refusals are not kept, so a
 * corrected retry can still succeed. The key is scoped to the caller's token and the path, so
 * nobody else can fetch an answer by guessing a key.
 */
export function idempotentPosts(app: FastifyInstance, store: IdempotencyStore) {
  const firstTimes = new WeakMap<FastifyRequest, { key: string; fingerprint: string }>();
  app.addHook("preHandler", async (request, reply) => {
    const given = request.headers["idempotency-key"];
    if (request.method !== "POST" || given === undefined) return;
    if (typeof given !== "string" || !keyPattern.test(given)) throw errors.idempotencyKeyInvalid();
    const key = sha256(`${request.headers.authorization ?? ""}\n${request.url}\n${given}`);
    const fingerprint = sha256(JSON.stringify(request.body ?? null));
    const stored = await store.get(key);
    if (!stored) return void firstTimes.set(request, { key, fingerprint });
    if (stored.fingerprint !== fingerprint) throw errors.idempotencyKeyReused();
    return reply.code(stored.status).type(stored.contentType).header(replayedHeader, "true").send(stored.body);
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const first = firstTimes.get(request);
    if (first && reply.statusCode < 300 && typeof payload === "string") {
      const contentType = String(reply.getHeader("content-type") ?? "application/json");
      await store.put(first.key, { fingerprint: first.fingerprint, status: reply.statusCode, contentType, body: payload });
    }
    return payload;
  });
}
