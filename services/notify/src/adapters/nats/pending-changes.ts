import { JetStreamClient } from "@crisis/platform";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { PendingChanges } from "../../app/ports";
import { PendingWindow } from "../../domain/coalesce";

const key = "window";

interface Stored {
  openedAt: string;
  lastAt: string;
  changes: string[];
}

/**
 * The window in a KV bucket, changed only with compare-and-set on its revision: two instances
 * adding and flushing at once never lose a change.
 */
export async function kvPendingChanges(js: JetStreamClient, replicas: number, bucket = "notify_pending_changes"): Promise<PendingChanges> {
  const kv = await js.views.kv(bucket, { history: 1, replicas });
  const load = async () => {
    const entry = await kv.get(key);
    const stored = entry && entry.operation === "PUT" ? (JSON.parse(Buffer.from(entry.value).toString()) as Stored) : undefined;
    return { stored, revision: entry?.revision ?? 0 };
  };
  const save = async (stored: Stored | undefined, revision: number) => {
    if (!stored || stored.changes.length === 0) await kv.delete(key, { previousSeq: revision });
    else if (revision === 0) await kv.create(key, JSON.stringify(stored));
    else await kv.update(key, JSON.stringify(stored), revision);
  };
  /** Retries a read-modify-write until no other writer came in between. */
  const change = async (modify: (stored: Stored | undefined) => Stored | undefined | "unchanged") => {
    for (;;) {
      const { stored, revision } = await load();
      const next = modify(stored);
      if (next === "unchanged") return;
      try {
        return await save(next, revision);
      } catch (err) {
        if (!/wrong last sequence|key exists/i.test((err as Error).message)) throw err;
      }
    }
  };
  const encode = (c: FacilityStatusChanged) => Buffer.from(FacilityStatusChanged.encode(c).finish()).toString("base64");
  const decode = (s: string) => FacilityStatusChanged.decode(Buffer.from(s, "base64"));
  return {
    add: (c, at) =>
      change((stored) => {
        const changes = stored?.changes ?? [];
        if (changes.some((s) => decode(s).eventId === c.eventId)) return "unchanged";
        return { openedAt: stored?.openedAt ?? at.toISOString(), lastAt: at.toISOString(), changes: [...changes, encode(c)] };
      }),
    async read(): Promise<PendingWindow | undefined> {
      const { stored } = await load();
      return stored && { openedAt: stored.openedAt, lastAt: stored.lastAt, changes: stored.changes.map(decode) };
    },
    remove: (eventIds) =>
      change((stored) => {
        if (!stored) return "unchanged";
        const gone = new Set(eventIds);
        const left = stored.changes.filter((s) => !gone.has(decode(s).eventId));
        if (left.length === stored.changes.length) return "unchanged";
        // What arrived during the flush starts the next window.
        return { ...stored, openedAt: stored.lastAt, changes: left };
      }),
  };
}
