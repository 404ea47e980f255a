import pino from "pino";
import { FakeClock, RetryLater } from "@crisis/platform";
import { PushDeliveryRequested } from "../../src/gen/crisis/notify/v1/push_delivery";
import { PushOutcome, SubscriptionStore } from "../../src/app/ports";
import { deliverPush } from "../../src/app/deliver-push";
import { Subscription } from "../../src/domain/subscription";

const subscription: Subscription = {
  id: "sub-1",
  endpoint: "https://fcm.googleapis.com/fcm/send/x",
  p256dh: "",
  auth: "",
  topics: ["category:shelter"],
  lang: "ja",
  tokenHash: "",
  createdAt: "",
};
const delivery: PushDeliveryRequested = {
  deliveryId: "a.alert.sub-1",
  alertId: "a.alert",
  subscriptionId: "sub-1",
  payload: "{}",
  topic: "t",
  queuedAt: "2026-07-28T07:30:00.000Z",
};

function memoryStore(): SubscriptionStore & { items: Map<string, Subscription> } {
  const items = new Map([[subscription.id, subscription]]);
  return {
    items,
    put: async (s) => void items.set(s.id, s),
    get: async (id) => items.get(id),
    purge: async (id) => void items.delete(id),
    *followers(topic) {
      for (const s of items.values()) if (s.topics.includes(topic)) yield s;
    },
  };
}

describe("delivering one queued push", () => {
  const logger = pino({ level: "silent" });
  const setup = (outcome: PushOutcome) => {
    const store = memoryStore();
    const sent: string[] = [];
    const clock = new FakeClock("2026-07-28T07:31:00Z");
    const deps = { store, clock, ttlSeconds: 3600, sender: { send: async (s: Subscription) => (sent.push(s.id), outcome) } };
    return { store, sent, clock, deps };
  };

  it("purges the subscription when the push service says it is gone", async () => {
    const { store, deps } = setup({ kind: "gone", status: 410 });
    await deliverPush(deps, delivery, logger);
    expect(store.items.has("sub-1")).toBe(false);
  });

  it("asks the queue to retry a rate-limited push (429) after the push service's Retry-After", async () => {
    const { deps } = setup({ kind: "retry", reason: "rate limited", delayMs: 7000 });
    await expect(deliverPush(deps, delivery, logger)).rejects.toEqual(new RetryLater("rate limited", 7000));
  });

  it("drops a push still undelivered after its TTL instead of sending stale news", async () => {
    const { sent, clock, deps } = setup({ kind: "delivered" });
    clock.advance(3600 * 1000);
    await deliverPush(deps, delivery, logger);
    expect(sent).toEqual([]);
  });

  it("sends nothing to a subscription removed after the alert was queued", async () => {
    const { store, sent, deps } = setup({ kind: "delivered" });
    await store.purge("sub-1");
    await deliverPush(deps, delivery, logger);
    expect(sent).toEqual([]);
  });
});
