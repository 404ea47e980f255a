import { JetStreamClient } from "@crisis/platform";
import { BatchProgress } from "../../app/ports";

/** Batch progress in a KV bucket whose entries expire after a day: only a crash's successor reads them. */
export async function kvBatchProgress(js: JetStreamClient, replicas: number, bucket = "notify_batch_progress"): Promise<BatchProgress> {
  const kv = await js.views.kv(bucket, { history: 1, replicas, ttl: 24 * 3600 * 1000 });
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
