import { connect, NatsConnection } from "nats";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { kvSubscriptionStore } from "../../../src/adapters/nats/subscription-store";
import { Subscription } from "../../../src/domain/subscription";

const subscription = (id: string, topics: string[]): Subscription => ({
  id,
  endpoint: `https://fcm.googleapis.com/fcm/send/${id}`,
  p256dh: "p",
  auth: "a",
  topics,
  lang: "ja",
  tokenHash: "h",
  createdAt: "2026-07-28T07:30:00.000Z",
});

describe("push subscriptions in a KV bucket on a real nats-server", () => {
  let server: NatsServerHandle;
  let nc: NatsConnection;

  beforeAll(async () => {
    server = await startNatsServer();
    nc = await connect({ servers: server.url });
  });
  afterAll(async () => {
    await nc.close();
    await server.stop();
  });

  it("stores, reads back and purges a subscription, leaving no value in the bucket's history", async () => {
    const store = await kvSubscriptionStore(nc.jetstream(), 1, "store_roundtrip");
    await store.put(subscription("s1", ["ward:中央区"]));
    expect(await store.get("s1")).toEqual(subscription("s1", ["ward:中央区"]));
    await store.purge("s1");
    expect(await store.get("s1")).toBeUndefined();
    const kv = await nc.jetstream().views.kv("store_roundtrip");
    const history = [];
    for await (const entry of await kv.history({ key: "s1" })) history.push(entry);
    expect(history.map((e) => [e.operation, e.value.length])).toEqual([["PURGE", 0]]);
  });

  it("updates a subscription in place when the same browser subscribes again", async () => {
    const store = await kvSubscriptionStore(nc.jetstream(), 1, "store_update");
    await store.put(subscription("s1", ["ward:中央区"]));
    await store.put(subscription("s1", ["ward:北区"]));
    expect((await store.get("s1"))?.topics).toEqual(["ward:北区"]);
  });
});
