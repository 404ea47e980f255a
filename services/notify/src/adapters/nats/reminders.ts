import { JetStreamClient, buckets, openBucket } from "@crisis/platform";
import { RestrictionScheduled } from "@crisis/platform/contracts/events";
import { Reminders } from "../../app/ports";

/** Second notices in a KV bucket, one key per scheduled restriction event. */
export async function kvReminders(js: JetStreamClient, replicas: number): Promise<Reminders> {
  const kv = await openBucket(js, buckets.reminders, replicas);
  return {
    async add(event, dueAt) {
      const value = { dueAt: dueAt.toISOString(), event: Buffer.from(RestrictionScheduled.encode(event).finish()).toString("base64") };
      await kv.put(event.eventId, JSON.stringify(value));
    },
    async due(now) {
      const keys: string[] = [];
      for await (const key of await kv.keys()) keys.push(key);
      const due: RestrictionScheduled[] = [];
      for (const key of keys) {
        const entry = await kv.get(key);
        if (!entry || entry.operation !== "PUT") continue;
        const value = JSON.parse(Buffer.from(entry.value).toString()) as { dueAt: string; event: string };
        if (new Date(value.dueAt).getTime() <= now.getTime()) due.push(RestrictionScheduled.decode(Buffer.from(value.event, "base64")));
      }
      return due;
    },
    async done(eventId) {
      await kv.purge(eventId);
    },
  };
}
