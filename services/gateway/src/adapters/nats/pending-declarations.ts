import { JetStreamClient } from "nats";
import { buckets, openBucket } from "@crisis/platform";
import { ModePreview } from "@crisis/platform/contracts/facilities";
import { PendingDeclaration, PendingDeclarations } from "../../areas/mode/app/ports";

/** Ids are ours (uuids); anything else a client sends cannot name a pending declaration. */
const validId = /^[\w-]{1,64}$/;

/**
 * Pending declarations in a JetStream KV bucket: every gateway replica sees the same ones and a
 * restart loses none. Entries outlive their expiry by the bucket's age limit only for cleanup;
 * the expiry itself is checked on the gateway's clock.
 */
export async function kvPendingDeclarations(js: JetStreamClient, replicas: number, maxAgeMs: number): Promise<PendingDeclarations> {
  const kv = await openBucket(js, buckets.pendingDeclarations, replicas, maxAgeMs);
  const decode = (text: string): PendingDeclaration => {
    const stored = JSON.parse(text);
    return { ...stored, preview: ModePreview.fromJSON(stored.preview) };
  };
  return {
    async add(pending) {
      await kv.create(pending.id, JSON.stringify({ ...pending, preview: ModePreview.toJSON(pending.preview) }));
    },
    async get(id) {
      if (!validId.test(id)) return undefined;
      const entry = await kv.get(id);
      return entry && entry.operation === "PUT" ? decode(entry.string()) : undefined;
    },
    async list() {
      const found: PendingDeclaration[] = [];
      // All keys first, then their values: reading values while the key listing runs lost keys.
      const keys: string[] = [];
      for await (const key of await kv.keys()) keys.push(key);
      for (const key of keys) {
        const entry = await kv.get(key);
        if (entry && entry.operation === "PUT") found.push(decode(entry.string()));
      }
      return found;
    },
    async close(id, closure) {
      const entry = validId.test(id) ? await kv.get(id) : null;
      if (!entry || entry.operation !== "PUT") return false;
      const stored = JSON.parse(entry.string());
      if (stored.closed) return false;
      const closed = { ...stored, closed: closure };
      try {
        // Compare-and-set on the revision read: of two people closing at once, one wins.
        await kv.update(id, JSON.stringify(closed), entry.revision);
      } catch {
        return false;
      }
      return decode(JSON.stringify(closed));
    },
    async remove(id) {
      await kv.purge(id);
    },
  };
}
