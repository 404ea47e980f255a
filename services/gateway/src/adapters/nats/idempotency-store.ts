import { JetStreamClient } from "nats";
import { IdempotencyStore } from "../../app/ports";

export const idempotencyBucket = "gateway_idempotency";

/** First answers by Idempotency-Key in a JetStream KV bucket whose age limit is the keys' lifetime. */
export async function kvIdempotencyStore(js: JetStreamClient, replicas: number, ttlMs: number): Promise<IdempotencyStore> {
  const kv = await js.views.kv(idempotencyBucket, { history: 1, replicas, ttl: ttlMs });
  return {
    async get(key) {
      const entry = await kv.get(key);
      return entry && entry.operation === "PUT" ? entry.json() : undefined;
    },
    async put(key, answer) {
      await kv.put(key, JSON.stringify(answer));
    },
  };
}
