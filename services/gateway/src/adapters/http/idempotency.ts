import { createHash } from "node:crypto";
import { FastifyInstance, FastifyRequest } from "fastify";
import { IdempotencyStore } from "../../app/ports";
import { errors } from "../../domain/errors";
import { hookRoutesOf } from "./route-hooks";

const keyPattern = /^[\x21-\x7e]{1,255}$/;
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
export const replayedHeader = "idempotent-replayed";

/**
 * `Idempotency-Key` on every POST: the first successful answer (status and body) is kept and
 * a retry with the same key, caller and body gets it again instead of running twice (so a retry
 * after a 503 or a lost answer does not meet 409 MODE_UNCHANGED); a retry while the first still
 * runs is told so (409 IDEMPOTENCY_KEY_IN_FLIGHT). Refusals are not kept, so a corrected retry
 * can still succeed. The key is scoped to the caller's token and the path, so nobody else can
 * fetch an answer by guessing a key.
 */
export function idempotentPosts(app: FastifyInstance, store: IdempotencyStore) {
  const claimed = new WeakMap<FastifyRequest, { key: string; fingerprint: string }>();
  hookRoutesOf(app, ["POST"], {
    preHandler: async (request, reply) => {
      const given = request.headers["idempotency-key"];
      if (given === undefined) return;
      if (typeof given !== "string" || !keyPattern.test(given)) throw errors.idempotencyKeyInvalid();
      const key = sha256(`${request.headers.authorization ?? ""}\n${request.url}\n${given}`);
      const fingerprint = sha256(JSON.stringify(request.body ?? null));
      const claim = await store.claim(key, fingerprint);
      if (claim.kind === "claimed") return void claimed.set(request, { key, fingerprint });
      const held = claim.kind === "answered" ? claim.answer.fingerprint : claim.fingerprint;
      if (held !== fingerprint) throw errors.idempotencyKeyReused();
      if (claim.kind === "in-flight") {
        reply.header("retry-after", "1");
        throw errors.idempotencyKeyInFlight();
      }
      return reply.code(claim.answer.status).type(claim.answer.contentType).header(replayedHeader, "true").send(claim.answer.body);
    },
    onSend: async (request, reply, payload) => {
      const first = claimed.get(request);
      if (!first) return payload;
      if (reply.statusCode < 300 && typeof payload === "string") {
        const contentType = String(reply.getHeader("content-type") ?? "application/json");
        await store.answer(first.key, { fingerprint: first.fingerprint, status: reply.statusCode, contentType, body: payload });
      } else {
        await store.release(first.key);
      }
      return payload;
    },
  });
}
