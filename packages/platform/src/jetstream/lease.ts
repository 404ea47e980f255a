import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { JetStreamClient, KV } from "nats";
import { Logger } from "pino";
import { buckets } from "../state/register";
import { openBucket } from "../state/buckets";

export interface Lease {
  /** Who holds it: host and a per-process id. */
  readonly holder: string;
  held(): boolean;
  /** Gives the lease up at once (a clean shutdown), so a standby takes over without waiting for it to lapse. */
  release(): Promise<void>;
}

export interface LeaseOptions {
  /** A lease not renewed for this long lapses (the bucket's max age) and a standby takes it. */
  ttlMs: number;
  replicas: number;
  logger: Logger;
  /** Called when the lease is lost: another instance holds it. */
  onLost: (why: string) => void;
  /** Told once when this instance waits as a standby. */
  onStandby?: (holder: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until this process holds the lease `name` in a JetStream KV bucket, then keeps it by
 * renewing it every third of its time to live. Holding is a compare-and-set on the key's revision:
 * two instances started at once cannot both win, and an instance that missed its renewals (paused,
 * cut off) and finds another holder at its next renewal is told through `onLost`.
 * For services whose state is one in-memory model fed by shared durable consumers (facilities'
 * board, staffing's plans): a second instance waits as a hot standby and takes over when the
 * first dies or stops.
 */
export async function acquireLease(js: JetStreamClient, name: string, options: LeaseOptions): Promise<Lease> {
  const kv: KV = await openBucket(js, buckets.leases, options.replicas, options.ttlMs);
  const holder = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const value = new TextEncoder().encode(holder);
  const poll = Math.max(100, Math.min(1_000, options.ttlMs / 4));
  let revision = 0;
  let toldStandby = false;
  while (revision === 0) {
    revision = await kv.create(name, value).catch(() => 0);
    if (revision !== 0) break;
    if (!toldStandby) {
      const current = await kv.get(name).catch(() => null);
      options.onStandby?.(current ? new TextDecoder().decode(current.value) : "unknown");
      toldStandby = true;
    }
    await sleep(poll);
  }
  options.logger.info({ lease: name, holder }, "holding the lease: this instance is the active one");
  let held = true;
  const lose = (why: string) => {
    if (!held) return;
    held = false;
    clearInterval(timer);
    options.onLost(why);
  };
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  const renew = async () => {
    try {
      revision = await kv.update(name, value, revision);
      return;
    } catch (err) {
      // NATS unreachable or slow: keep trying. A standby can only take over through NATS too, and
      // while cut off this instance can neither publish nor consume.
      if (!(err as Error).message?.includes("wrong last sequence")) return;
    }
    // The revision moved: a renewal whose answer was lost, a lease that lapsed, or another holder.
    const entry = await kv.get(name);
    if (entry?.operation === "PUT" && decode(entry.value) === holder) revision = entry.revision;
    else if (entry?.operation === "PUT") lose(`another instance holds the lease: ${decode(entry.value)}`);
    // Lapsed and free: take it again (if a standby is quicker, the next renewal finds it holding it).
    else revision = await kv.create(name, value);
  };
  let renewing = false;
  const timer = setInterval(() => {
    if (renewing || !held) return;
    renewing = true;
    renew()
      .catch(() => undefined)
      .finally(() => (renewing = false));
  }, options.ttlMs / 3);
  timer.unref();
  return {
    holder,
    held: () => held,
    async release() {
      if (!held) return;
      held = false;
      clearInterval(timer);
      await kv.delete(name, { previousSeq: revision }).catch(() => undefined);
    },
  };
}
