import { JetStreamManager, StorageType, StreamConfig, RetentionPolicy, nanos } from "nats";
import { StreamSpec, duplicateWindowMs, isNotFound } from "./streams";

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
 */
export async function followPrimary(jsm: JetStreamManager, primaryDomain: string, specs: StreamSpec[], replicas = 1): Promise<void> {
  for (const spec of specs) {
    if (spec.workQueue) throw new Error(`${spec.name} is a work queue; a standby site cannot follow it`);
    const config: Partial<StreamConfig> & { name: string } = {
      name: spec.name,
      subjects: [],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(spec.duplicateWindowMs ?? duplicateWindowMs),
      num_replicas: replicas,
      sources: [{ name: spec.name, domain: primaryDomain }],
    };
    try {
      await jsm.streams.info(spec.name);
      await jsm.streams.update(spec.name, config);
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

export async function followState(jsm: JetStreamManager, specs: StreamSpec[]): Promise<FollowState[]> {
  return Promise.all(
    specs.map(async (spec) => {
      const info = await jsm.streams.info(spec.name);
      const source = info.sources?.[0];
      return {
        stream: spec.name,
        messages: info.state.messages,
        lastSeq: info.state.last_seq,
        lag: source?.lag,
        activeMs: source ? (source.active < 0 ? -1 : Math.round(source.active / 1e6)) : undefined,
      };
    }),
  );
}

/**
 * Makes the standby the primary: each stream stops following and takes its subjects, so the
 * services pointed at this site write here. Run it only once the primary is lost (or fenced off):
 * two writable sites would each take declarations.
 */
export async function promoteStandby(jsm: JetStreamManager, specs: StreamSpec[]): Promise<void> {
  for (const spec of specs) {
    const { config } = await jsm.streams.info(spec.name);
    await jsm.streams.update(spec.name, {
      ...config,
      subjects: spec.subjects,
      sources: [],
    });
  }
}
