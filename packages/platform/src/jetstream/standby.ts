import { JetStreamManager, StorageType, StreamConfig, RetentionPolicy, nanos } from "nats";
import { duplicateWindowMs, isNotFound } from "./streams";
import { StateEntry, streamNameOf, subjectsOf } from "../state/register";
import { bucketStreamConfig } from "../state/buckets";

/**
 * A standby site follows the primary's streams as sources, not mirrors: nats-server 2.9 refuses to
 * turn a mirror into a writable stream ("stream mirrors can not contain subjects"), while a sourced
 * stream is promoted by one update (subjects on, sources off). A stream sourced from the start of a
 * stream nobody deletes from keeps the primary's sequence numbers, and the sourced messages keep
 * their Nats-Msg-Id, so de-duplication goes on across the promotion.
 *
 * While following, the standby's streams have no subjects: a publish on the primary must not also
 * be stored by the standby across the leafnode link. Only streams that keep history can be
 * followed: a source is one more consumer, which a work queue's single consumer rules out.
 *
 * A bucket is followed the same way, as its stream `KV_<bucket>` kept in the shape the NATS client
 * gives a bucket (history per key, roll-ups, direct gets): promoting gives it back its `$KV.<bucket>.>`
 * subjects and the services open it as a bucket again. Its revisions are the standby's own sequence
 * numbers (a bucket deletes old values, so the primary's numbering has gaps the source does not keep).
 */
export async function followPrimary(jsm: JetStreamManager, primaryDomain: string, entries: StateEntry[], replicas = 1): Promise<void> {
  for (const entry of entries) {
    const name = streamNameOf(entry);
    if (entry.kind === "stream" && entry.spec.workQueue) throw new Error(`${name} is a work queue; a standby site cannot follow it`);
    const shape: Partial<StreamConfig> =
      entry.kind === "bucket"
        ? bucketStreamConfig(entry.spec, replicas)
        : {
            storage: StorageType.File,
            retention: RetentionPolicy.Limits,
            duplicate_window: nanos(entry.spec.duplicateWindowMs ?? duplicateWindowMs),
          };
    const config: Partial<StreamConfig> & { name: string } = {
      ...shape,
      name,
      subjects: [],
      num_replicas: replicas,
      sources: [{ name, domain: primaryDomain }],
    };
    try {
      await jsm.streams.info(name);
      await jsm.streams.update(name, config);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      await jsm.streams.add(config);
    }
  }
}

export interface FollowState {
  stream: string;
  messages: number;
  lastSeq: number;
  /** Messages the standby still lacks, as last reported by the source; undefined once promoted. */
  lag?: number;
  /** Milliseconds since the source last delivered (-1: never). */
  activeMs?: number;
}

export async function followState(jsm: JetStreamManager, entries: StateEntry[]): Promise<FollowState[]> {
  return Promise.all(
    entries.map(async (entry) => {
      const info = await jsm.streams.info(streamNameOf(entry));
      const source = info.sources?.[0];
      return {
        stream: streamNameOf(entry),
        messages: info.state.messages,
        lastSeq: info.state.last_seq,
        lag: source?.lag,
        activeMs: source ? (source.active < 0 ? -1 : Math.round(source.active / 1e6)) : undefined,
      };
    }),
  );
}

/**
 * Makes the standby the primary: each stream and bucket stops following and takes its subjects, so the
 * services pointed at this site write here. Run it only once the primary is lost (or fenced off):
 * two writable sites would each take declarations.
 */
export async function promoteStandby(jsm: JetStreamManager, entries: StateEntry[]): Promise<void> {
  for (const entry of entries) {
    const { config } = await jsm.streams.info(streamNameOf(entry));
    await jsm.streams.update(streamNameOf(entry), {
      ...config,
      subjects: subjectsOf(entry),
      sources: [],
    });
  }
}
