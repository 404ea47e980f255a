import { Pool } from "undici";
import { pushesSent } from "@crisis/platform";
import { PushOptions, PushOutcome, PushSender } from "../../app/ports";
import { Subscription } from "../../domain/subscription";
import { EncryptionJob, Encryptor } from "./encryption-pool";

export interface PushSenderSettings {
  encryptor: Encryptor;
  /** `Authorization` for a push-service origin (VAPID, signed once per origin). */
  authorization: (origin: string) => string;
  /** Requests in flight per push-service origin: also its keep-alive connections. */
  concurrencyPerOrigin: number;
  timeoutMs: number;
  /** Extra CA certificates (tests); production trusts the system roots. */
  ca?: string[];
}

export interface PoolingPushSender extends PushSender {
  /** Closes every connection. */
  close(): Promise<void>;
}

/**
 * Concurrency of one origin. A 429 halves it (its push waits for the Retry-After), and each
 * accepted push grows it back by one up to the configured limit: the rate a push service takes
 * is found the way TCP finds a link's (AIMD), instead of stopping the whole fan-out per 429.
 */
export class OriginGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private limit: number;

  constructor(private readonly maxLimit: number) {
    this.limit = maxLimit;
  }

  async acquire(): Promise<void> {
    while (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
  }

  release(): void {
    this.active--;
    this.waiting.shift()?.();
  }

  accepted(): void {
    if (this.limit < this.maxLimit) {
      this.limit++;
      this.waiting.shift()?.();
    }
  }

  rateLimited(): void {
    this.limit = Math.max(1, Math.floor(this.limit / 2));
  }
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
function retryAfterMs(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const seconds = Number(text);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

const encryptionChunk = 64;

/** The outcome label of `pushes_sent_total` (Prometheus, on the health port's /metrics). */
const metricOutcome: Record<PushOutcome["kind"], string> = { delivered: "delivered", gone: "gone", retry: "retried", rejected: "failed" };

/**
 * Web push (RFC 8030) on keep-alive connection pools, one per push-service origin, with a
 * concurrency limit per origin that a 429 lowers (and its push waits for the Retry-After). Encryption (RFC 8291) is
 * gathered into chunks for the encryption workers; VAPID (RFC 8292) comes signed per origin.
 */
export function poolingPushSender(settings: PushSenderSettings): PoolingPushSender {
  const origins = new Map<string, { pool: Pool; gate: OriginGate }>();
  const originOf = (origin: string) => {
    let entry = origins.get(origin);
    if (!entry) {
      const pool = new Pool(origin, {
        connections: settings.concurrencyPerOrigin,
        pipelining: 1,
        headersTimeout: settings.timeoutMs,
        bodyTimeout: settings.timeoutMs,
        connect: { timeout: settings.timeoutMs, ...(settings.ca ? { ca: settings.ca } : {}) },
      });
      origins.set(origin, (entry = { pool, gate: new OriginGate(settings.concurrencyPerOrigin) }));
    }
    return entry;
  };

  // Pushes asked for in the same tick are encrypted together, a chunk per worker message.
  let pending: { job: EncryptionJob; resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  const flush = () => {
    const all = pending;
    pending = [];
    for (let i = 0; i < all.length; i += encryptionChunk) {
      const chunk = all.slice(i, i + encryptionChunk);
      settings.encryptor.encrypt(chunk.map((c) => c.job)).then(
        (bodies) => chunk.forEach((c, k) => c.resolve(bodies[k])),
        (err: Error) => chunk.forEach((c) => c.reject(err)),
      );
    }
  };
  const encrypt = (job: EncryptionJob) =>
    new Promise<Buffer>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ job, resolve, reject });
    });

  const post = async (subscription: Subscription, payload: string, options: PushOptions): Promise<PushOutcome> => {
    const url = new URL(subscription.endpoint);
    const body = await encrypt({ payload, p256dh: subscription.p256dh, auth: subscription.auth });
    const { pool, gate } = originOf(url.origin);
    await gate.acquire();
    try {
      const answer = await pool.request({
        method: "POST",
        path: `${url.pathname}${url.search}`,
        headers: {
          authorization: settings.authorization(url.origin),
          "content-encoding": "aes128gcm",
          "content-type": "application/octet-stream",
          ttl: String(options.ttlSeconds),
          urgency: options.urgency,
          topic: options.topic,
        },
        body,
      });
      const text = await answer.body.text();
      const status = answer.statusCode;
      if (status >= 200 && status < 300) {
        gate.accepted();
        return { kind: "delivered" };
      }
      if (status === 404 || status === 410) return { kind: "gone", status };
      if (status === 429) {
        gate.rateLimited();
        return { kind: "retry", reason: "rate limited (429)", delayMs: retryAfterMs(answer.headers["retry-after"]) };
      }
      if (status >= 500) return { kind: "retry", reason: `push service answered ${status}` };
      return { kind: "rejected", status, reason: text.slice(0, 200) };
    } catch (err) {
      return { kind: "retry", reason: (err as Error).message };
    } finally {
      gate.release();
    }
  };

  return {
    async send(subscription, payload, options) {
      const outcome = await post(subscription, payload, options);
      pushesSent.inc({ outcome: metricOutcome[outcome.kind] });
      return outcome;
    },
    async close() {
      await Promise.all([...origins.values()].map((o) => o.pool.close()));
    },
  };
}
