import { JetStreamClient, buckets, openBucket } from "@crisis/platform";
import { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { PendingChanges } from "../../app/ports";
import { PendingWindow } from "../../domain/coalesce";

const key = "window";

interface Stored {
  openedAt: string;
  lastAt: string;
  /** Base64 protobuf: facility status changes, counter-service level changes (absent in windows stored before services). */
  changes: string[];
  services?: string[];
}

/**
 * The window in a KV bucket, changed only with compare-and-set on its revision: two instances
 * adding and flushing at once never lose a change.
 */
export async function kvPendingChanges(js: JetStreamClient, replicas: number): Promise<PendingChanges> {
  const kv = await openBucket(js, buckets.pendingChanges, replicas);
  const load = async () => {
    const entry = await kv.get(key);
    const stored = entry && entry.operation === "PUT" ? (JSON.parse(Buffer.from(entry.value).toString()) as Stored) : undefined;
    return { stored, revision: entry?.revision ?? 0 };
  };
  const save = async (stored: Stored | undefined, revision: number) => {
    if (!stored || stored.changes.length + (stored.services?.length ?? 0) === 0) await kv.delete(key, { previousSeq: revision });
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
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
  const facility = (s: string) => FacilityStatusChanged.decode(Buffer.from(s, "base64"));
  const service = (s: string) => ServiceLevelChanged.decode(Buffer.from(s, "base64"));
  const eventIds = (stored: Stored) => [...stored.changes.map(facility), ...(stored.services ?? []).map(service)].map((c) => c.eventId);
  return {
    add: (c, at) =>
      change((stored) => {
        if (stored && eventIds(stored).includes(c.event.eventId)) return "unchanged";
        const changes = stored?.changes ?? [];
        const services = stored?.services ?? [];
        if (c.kind === "facility") changes.push(base64(FacilityStatusChanged.encode(c.event).finish()));
        else services.push(base64(ServiceLevelChanged.encode(c.event).finish()));
        return { openedAt: stored?.openedAt ?? at.toISOString(), lastAt: at.toISOString(), changes, services };
      }),
    async read(): Promise<PendingWindow | undefined> {
      const { stored } = await load();
      return (
        stored && {
          openedAt: stored.openedAt,
          lastAt: stored.lastAt,
          changes: stored.changes.map(facility),
          services: (stored.services ?? []).map(service),
        }
      );
    },
    remove: (eventIds) =>
      change((stored) => {
        if (!stored) return "unchanged";
        const gone = new Set(eventIds);
        const changes = stored.changes.filter((s) => !gone.has(facility(s).eventId));
        const services = (stored.services ?? []).filter((s) => !gone.has(service(s).eventId));
        if (changes.length === stored.changes.length && services.length === (stored.services?.length ?? 0)) return "unchanged";
        // What arrived during the flush starts the next window.
        return { ...stored, openedAt: stored.lastAt, changes, services };
      }),
  };
}
