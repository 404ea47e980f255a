import { JetStreamClient, KvEntry } from "nats";
import { Clock, buckets, openBucket } from "@crisis/platform";
import { IdempotencyStore, KeyClaim } from "../../app/ports";

/**
 * First answers by Idempotency-Key in a JetStream KV bucket whose age limit is the keys' lifetime.
 * A request claims its key first (create, or update at the seen revision, so two replicas cannot
 * both claim it); a claim whose gateway died lapses after `leaseMs` on the clock.
 */
export async function kvIdempotencyStore(
  js: JetStreamClient,
  options: { replicas: number; ttlMs: number; leaseMs: number; clock: Clock },
): Promise<IdempotencyStore> {
  const kv = await openBucket(js, buckets.idempotency, options.replicas, options.ttlMs);
  const live = (entry: KvEntry | null) => (entry && entry.operation === "PUT" ? entry : undefined);
  return {
    async claim(key, fingerprint): Promise<KeyClaim> {
      const entry = live(await kv.get(key));
      const now = options.clock.now().getTime();
      const claim = JSON.stringify({ fingerprint, claimedAt: now });
      if (entry) {
        const held = entry.json<{ fingerprint: string; claimedAt?: number; status?: number }>();
        if (held.status !== undefined) return { kind: "answered", answer: entry.json() };
        if (now - (held.claimedAt ?? 0) < options.leaseMs) return { kind: "in-flight", fingerprint: held.fingerprint };
      }
      try {
        await (entry ? kv.update(key, claim, entry.revision) : kv.create(key, claim));
        return { kind: "claimed" };
      } catch {
        // Another request claimed or answered it between our read and write.
        return { kind: "in-flight", fingerprint };
      }
    },
    async answer(key, answer) {
      await kv.put(key, JSON.stringify(answer));
    },
    async release(key) {
      await kv.delete(key);
    },
  };
}
