import pino from "pino";
import { buckets, waitUntil } from "@crisis/platform";
import { natsServerForSuite } from "@crisis/platform/testing";
import { kvSubscriptionStore } from "../../../src/adapters/nats/subscription-store";
import { aSubscription } from "../../examples";

const logger = pino({ level: "silent" });
const subscription = aSubscription;
/** A bucket shaped like the subscriptions bucket, under a name of the test's own. */
const bucket = (name: string) => ({ ...buckets.pushSubscriptions, name });

describe("push subscriptions in a KV bucket on a real nats-server", () => {
  const nats = natsServerForSuite();

  it("stores, reads back and purges a subscription, leaving no value in the bucket's history", async () => {
    const store = await kvSubscriptionStore(nats.nc.jetstream(), 1, logger, bucket("store_roundtrip"));
    await store.put(subscription("s1", ["ward:中央区"]));
    expect(await store.get("s1")).toEqual(subscription("s1", ["ward:中央区"]));
    await store.purge("s1");
    expect(await store.get("s1")).toBeUndefined();
    const kv = await nats.nc.jetstream().views.kv("store_roundtrip");
    const history = [];
    for await (const entry of await kv.history({ key: "s1" })) history.push(entry);
    expect(history.map((e) => [e.operation, e.value.length])).toEqual([["PURGE", 0]]);
    expect([...store.followers("ward:中央区")]).toEqual([]);
    store.stop();
  });

  it("updates a subscription in place when the same browser subscribes again", async () => {
    const store = await kvSubscriptionStore(nats.nc.jetstream(), 1, logger, bucket("store_update"));
    await store.put(subscription("s1", ["ward:中央区"]));
    await store.put(subscription("s1", ["ward:北区"]));
    expect((await store.get("s1"))?.topics).toEqual(["ward:北区"]);
    expect([...store.followers("ward:中央区")]).toEqual([]);
    expect([...store.followers("ward:北区")].map((s) => s.id)).toEqual(["s1"]);
    store.stop();
  });

  it("keeps every instance's topic index current from the bucket's watch: what one stores or purges, the other sees", async () => {
    const first = await kvSubscriptionStore(nats.nc.jetstream(), 1, logger, bucket("store_watch"));
    await first.put(subscription("before", ["ward:東区"]));
    const second = await kvSubscriptionStore(nats.nc.jetstream(), 1, logger, bucket("store_watch"));
    expect([...second.followers("ward:東区")].map((s) => s.id)).toEqual(["before"]);

    await first.put(subscription("after", ["category:shelter"]));
    await waitUntil(() => [...second.followers("category:shelter")].length === 1, "the second instance sees the new subscription");
    await first.purge("before");
    await waitUntil(() => [...second.followers("ward:東区")].length === 0, "the second instance forgets the purged one");
    first.stop();
    second.stop();
  });
});
