import pino from "pino";
import { FakeClock } from "@crisis/platform";
import { PushBatchRequested } from "../../src/gen/crisis/notify/v1/push_delivery";
import { PushOutcome, SubscriptionStore } from "../../src/app/ports";
import { DeliveryResult, deliverBatch } from "../../src/app/deliver-batch";
import { backoffMs } from "../../src/domain/retry";
import { Subscription } from "../../src/domain/subscription";

const subscription = (id: string): Subscription => ({
  id,
  endpoint: `https://fcm.googleapis.com/fcm/send/${id}`,
  p256dh: "",
  auth: "",
  topics: ["category:shelter"],
  lang: "ja",
  tokenHash: "",
  createdAt: "",
});
const batch = (...ids: string[]) =>
  PushBatchRequested.fromPartial({
    batchId: "a.alert.7",
    alertId: "a.alert",
    payloads: ["{}"],
    deliveries: ids.map((subscriptionId) => ({ subscriptionId, payloadIndex: 0 })),
    topic: "t",
    queuedAt: "2026-07-28T07:30:00.000Z",
    ttlSeconds: 3600,
    urgency: "high",
  });

function memoryStore(...ids: string[]): SubscriptionStore & { items: Map<string, Subscription> } {
  const items = new Map(ids.map((id) => [id, subscription(id)]));
  return {
    items,
    put: async (s) => void items.set(s.id, s),
    get: async (id) => items.get(id),
    purge: async (id) => void items.delete(id),
    *followers() {},
    *topics() {},
  };
}

describe("delivering one batch of pushes", () => {
  const logger = pino({ level: "silent" });
  /** A sender answering from a script per subscription; the sleep moves the fake clock instead of waiting. */
  const setup = (script: Record<string, PushOutcome[]>, ...ids: string[]) => {
    const store = memoryStore(...ids);
    const clock = new FakeClock("2026-07-28T07:30:00Z");
    const sent: { id: string; ttl: number }[] = [];
    const slept: number[] = [];
    const settled: unknown[] = [];
    const saved: Record<string, Record<string, DeliveryResult>> = {};
    const deps = {
      store,
      progress: {
        read: async (id: string) => saved[id] ?? {},
        write: async (id: string, s: Record<string, DeliveryResult>) => void (saved[id] = { ...s }),
      },
      reports: {
        queued: async () => undefined,
        settled: async (...args: unknown[]) => void settled.push(args),
        read: async () => undefined,
      },
      clock,
      random: () => 0.5,
      sleep: async (ms: number) => {
        slept.push(ms);
        clock.advance(ms);
      },
      sender: {
        send: async (s: Subscription, _payload: string, options: { ttlSeconds: number }) => {
          sent.push({ id: s.id, ttl: options.ttlSeconds });
          return script[s.id]?.shift() ?? { kind: "delivered" as const };
        },
      },
    };
    return { store, sent, slept, clock, deps, settled, saved };
  };

  it("counts accepted, gone and refused pushes, and purges the subscription that is gone", async () => {
    const { store, deps, settled } = setup(
      { b: [{ kind: "gone", status: 410 }], c: [{ kind: "rejected", status: 400, reason: "bad" }] },
      "a",
      "b",
      "c",
    );
    expect(await deliverBatch(deps, batch("a", "b", "c", "removed"), logger)).toEqual({
      accepted: 1,
      gone: 1,
      failed: 1,
      expired: 0,
      dropped: 1,
    });
    expect([...store.items.keys()]).toEqual(["a", "c"]);
    // For the delivery report, a subscription removed before its push counts as gone.
    expect(settled).toEqual([["a.alert", "a.alert.7", { accepted: 1, gone: 2, failed: 1, expired: 0 }]]);
  });

  it("sends nothing again that an earlier, crashed attempt at the batch already settled", async () => {
    const { sent, deps, saved } = setup({}, "a", "b", "c");
    saved["a.alert.7"] = { a: "accepted", b: "gone" };
    expect(await deliverBatch(deps, batch("a", "b", "c"), logger)).toMatchObject({ accepted: 2, gone: 1 });
    expect(sent.map((s) => s.id)).toEqual(["c"]);
    expect(saved["a.alert.7"]).toEqual({ a: "accepted", b: "gone", c: "accepted" });
  });

  it("retries a rate-limited push (429) after the push service's Retry-After", async () => {
    const { sent, slept, deps } = setup({ a: [{ kind: "retry", reason: "rate limited (429)", delayMs: 7000 }] }, "a");
    expect((await deliverBatch(deps, batch("a"), logger)).accepted).toBe(1);
    expect(slept).toEqual([7000]);
    expect(sent.map((s) => s.ttl)).toEqual([3600, 3593]);
  });

  it("backs off exponentially with jitter on 5xx and timeouts", async () => {
    const retry = { kind: "retry" as const, reason: "push service answered 503" };
    const { slept, deps } = setup({ a: [retry, retry, retry] }, "a");
    expect((await deliverBatch(deps, batch("a"), logger)).accepted).toBe(1);
    expect(slept).toEqual([backoffMs(1, 0.5), backoffMs(2, 0.5), backoffMs(3, 0.5)]);
    expect(slept).toEqual([500, 1000, 2000]);
  });

  it("gives up a push still failing when its TTL has passed, instead of sending stale news", async () => {
    const retry = { kind: "retry" as const, reason: "rate limited (429)", delayMs: 1_800_000 };
    const { sent, deps } = setup({ a: [retry, retry, retry] }, "a");
    expect((await deliverBatch(deps, batch("a"), logger)).expired).toBe(1);
    expect(sent).toHaveLength(2);
  });
});

describe("backoff", () => {
  it("doubles its ceiling per attempt up to a minute, and spreads retries over that range", () => {
    expect([1, 2, 3, 10].map((n) => backoffMs(n, 0.999))).toEqual([999, 1998, 3996, 59940]);
    expect(backoffMs(4, 0)).toBe(0);
  });
});
