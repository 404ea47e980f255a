import { BucketSpec, JetStreamClient, openBucket } from "@crisis/platform";

/** One text value per id in a KV bucket; ids may hold characters keys may not (facility ids hold ":"), so keys are the ids in hex. */
export async function hexKeyedBucket(js: JetStreamClient, bucket: BucketSpec, replicas: number) {
  const kv = await openBucket(js, bucket, replicas);
  const key = (id: string) => Buffer.from(id).toString("hex");
  return {
    async get(id: string): Promise<string | undefined> {
      const entry = await kv.get(key(id));
      return entry && entry.operation === "PUT" ? Buffer.from(entry.value).toString() : undefined;
    },
    async put(id: string, value: string): Promise<void> {
      await kv.put(key(id), value);
    },
  };
}
