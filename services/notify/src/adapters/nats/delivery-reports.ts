import { JetStreamClient, buckets, openBucket } from "@crisis/platform";
import { DeliveryCounts, DeliveryReports } from "../../app/ports";

/**
 * Delivery counts in a KV bucket, one key per batch (`<alert>.b.<slice>`) and one for the queued
 * total: a batch redelivered after a crash overwrites its own key, so nothing is counted twice.
 */
export async function kvDeliveryReports(js: JetStreamClient, replicas: number): Promise<DeliveryReports> {
  const kv = await openBucket(js, buckets.deliveryReports, replicas);
  const json = (value: Uint8Array) => JSON.parse(Buffer.from(value).toString());
  return {
    async queued(alertId, recipients) {
      await kv.put(`${alertId}.queued`, JSON.stringify(recipients));
    },
    async settled(alertId, batchId, counts) {
      await kv.put(`${alertId}.b.${batchId.slice(batchId.lastIndexOf(".") + 1)}`, JSON.stringify(counts));
    },
    async read(alertId) {
      const queued = await kv.get(`${alertId}.queued`);
      if (!queued || queued.operation !== "PUT") return undefined;
      const report = { queued: json(queued.value) as number, accepted: 0, gone: 0, failed: 0, expired: 0 };
      const keys: string[] = [];
      for await (const key of await kv.keys(`${alertId}.b.*`)) keys.push(key);
      for (const key of keys) {
        const entry = await kv.get(key);
        if (!entry || entry.operation !== "PUT") continue;
        const counts = json(entry.value) as DeliveryCounts;
        for (const k of ["accepted", "gone", "failed", "expired"] as const) report[k] += counts[k];
      }
      return report;
    },
  };
}
