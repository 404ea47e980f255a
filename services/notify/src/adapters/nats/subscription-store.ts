import { JetStreamClient } from "@crisis/platform";
import { SubscriptionStore } from "../../app/ports";
import { Subscription } from "../../domain/subscription";

/**
 * Subscriptions in a KV bucket with history 1: a purge leaves nothing of the citizen's
 * endpoint or keys behind.
 */
export async function kvSubscriptionStore(
  js: JetStreamClient,
  replicas: number,
  bucket = "push_subscriptions",
): Promise<SubscriptionStore> {
  const kv = await js.views.kv(bucket, { history: 1, replicas });
  const decode = (value: Uint8Array) => JSON.parse(Buffer.from(value).toString("utf8")) as Subscription;
  return {
    async put(subscription) {
      await kv.put(subscription.id, JSON.stringify(subscription));
    },
    async get(id) {
      const entry = await kv.get(id);
      return entry && entry.operation === "PUT" ? decode(entry.value) : undefined;
    },
    async purge(id) {
      await kv.purge(id);
    },
    async *list() {
      const keys: string[] = [];
      for await (const key of await kv.keys()) keys.push(key);
      for (const key of keys.sort()) {
        const entry = await kv.get(key);
        if (entry && entry.operation === "PUT") yield decode(entry.value);
      }
    },
  };
}
