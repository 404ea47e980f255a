import { KvEntry } from "nats";
import { BucketSpec, JetStreamClient, Logger, buckets, openBucket } from "@crisis/platform";
import { SubscriptionStore } from "../../app/ports";
import { SubscriberIndex } from "../../domain/subscriber-index";
import { Subscription } from "../../domain/subscription";

export interface WatchedSubscriptionStore extends SubscriptionStore {
  /** Stops watching the bucket. */
  stop(): void;
}

/**
 * Subscriptions in a KV bucket with history 1: a purge leaves nothing of the citizen's
 * endpoint or keys behind. Every instance watches the bucket and keeps a topic index in memory,
 * so a subscription made through one notify is matched by all; resolves once the index holds
 * every stored subscription.
 */
export async function kvSubscriptionStore(
  js: JetStreamClient,
  replicas: number,
  logger: Logger,
  bucket: BucketSpec = buckets.pushSubscriptions,
): Promise<WatchedSubscriptionStore> {
  const kv = await openBucket(js, bucket, replicas);
  const decode = (value: Uint8Array) => JSON.parse(Buffer.from(value).toString("utf8")) as Subscription;
  const index = new SubscriberIndex();
  const apply = (entry: KvEntry) => {
    if (entry.operation === "PUT") index.upsert(decode(entry.value));
    else index.remove(entry.key);
  };
  let initialized!: () => void;
  const ready = new Promise<void>((resolve) => (initialized = resolve));
  const watch = await kv.watch({ initializedFn: () => initialized() });
  void (async () => {
    for await (const entry of watch) apply(entry);
  })().catch((err) => logger.error({ err }, "subscription watch ended; the topic index no longer follows the bucket"));
  await ready;
  logger.info({ subscriptions: index.size }, "subscription index loaded");
  return {
    async put(subscription) {
      await kv.put(subscription.id, JSON.stringify(subscription));
      // Seen at once by this instance; the watch confirms it (and tells the other instances).
      index.upsert(subscription);
    },
    async get(id) {
      const known = index.get(id);
      if (known) return known;
      // Made through another instance a moment ago and not yet seen by the watch.
      const entry = await kv.get(id);
      return entry && entry.operation === "PUT" ? decode(entry.value) : undefined;
    },
    async purge(id) {
      await kv.purge(id);
      index.remove(id);
    },
    followers: (topic) => index.followers(topic),
    topics: (prefix) => index.topics(prefix),
    stop: () => watch.stop(),
  };
}
