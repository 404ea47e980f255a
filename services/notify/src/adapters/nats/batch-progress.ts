import { JetStreamClient, buckets, openBucket } from "@crisis/platform";
import { BatchProgress } from "../../app/ports";

/** Batch progress in a KV bucket whose entries expire after a day: only a crash's successor reads them. */
export async function kvBatchProgress(js: JetStreamClient, replicas: number): Promise<BatchProgress> {
  const kv = await openBucket(js, buckets.batchProgress, replicas);
  return {
    async read(batchId) {
      const entry = await kv.get(batchId);
      return entry && entry.operation === "PUT" ? JSON.parse(Buffer.from(entry.value).toString()) : {};
    },
    async write(batchId, settled) {
      await kv.put(batchId, JSON.stringify(settled));
    },
  };
}
