import type { KvEntry } from "nats";
import { type JetStreamClient, type Logger, buckets, openBucket } from "@crisis/platform";
import type { DutyBook } from "../../app/ports";
import { emptyRecord, type StaffRecord } from "../../domain";

export interface WatchedDutyBook extends DutyBook {
  stop(): void;
}

/** Any staff id becomes a valid key (keys are subject tokens). */
const keyOf = (staffId: string) => Buffer.from(staffId, "utf8").toString("base64url");

/**
 * One KV entry per person (file storage: kept across restarts). Writes compare the revision they
 * read, so an answer through one instance and a reminder through another never overwrite each
 * other; every instance watches the bucket for its views and reminder tick.
 */
export async function kvDutyBook(js: JetStreamClient, replicas: number, logger: Logger): Promise<WatchedDutyBook> {
  const kv = await openBucket(js, buckets.staffingDuties, replicas);
  const decode = (value: Uint8Array) => JSON.parse(Buffer.from(value).toString("utf8")) as StaffRecord;
  const seen = new Map<string, StaffRecord>();
  const apply = (entry: KvEntry) => {
    if (entry.operation !== "PUT") return;
    const record = decode(entry.value);
    seen.set(record.staffId, record);
  };
  let initialized!: () => void;
  const ready = new Promise<void>((resolve) => (initialized = resolve));
  const watch = await kv.watch({ initializedFn: () => initialized() });
  void (async () => {
    for await (const entry of watch) apply(entry);
  })().catch((err) => logger.error({ err }, "duty watch ended; views no longer follow the bucket"));
  await ready;
  logger.info({ records: seen.size }, "staff duties loaded");

  const read = async (staffId: string) => {
    const entry = await kv.get(keyOf(staffId));
    return entry && entry.operation === "PUT" ? { record: decode(entry.value), revision: entry.revision } : undefined;
  };
  return {
    get: async (staffId) => (await read(staffId))?.record,
    async update(staffId, change) {
      for (let attempt = 1; ; attempt++) {
        const stored = await read(staffId);
        const before = stored?.record ?? emptyRecord(staffId);
        const after = change(before);
        if (after === before) return before;
        try {
          const value = JSON.stringify(after);
          if (stored) await kv.update(keyOf(staffId), value, stored.revision);
          else await kv.create(keyOf(staffId), value);
          seen.set(staffId, after);
          return after;
        } catch (err) {
          // Another write came first: read it and change again.
          if (attempt >= 10) throw err;
        }
      }
    },
    all: () => seen.values(),
    stop: () => watch.stop(),
  };
}
