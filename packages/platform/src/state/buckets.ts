import { DiscardPolicy, JetStreamClient, KV, RetentionPolicy, StorageType, StreamConfig, nanos } from "nats";
import { BucketSpec } from "./register";

/**
 * Opens (and on first use creates) a bucket of the register. `maxAgeMs` is the configured age
 * limit when the bucket has a setting for it; the register's default otherwise.
 */
export function openBucket(js: JetStreamClient, spec: BucketSpec, replicas: number, maxAgeMs = spec.maxAgeMs): Promise<KV> {
  return js.views.kv(spec.name, { history: spec.history, replicas, ttl: maxAgeMs });
}

/**
 * The stream configuration the NATS client gives a bucket it creates: a second site that follows
 * a bucket keeps it in this shape, so that after promotion the client opens it as a bucket again.
 */
export function bucketStreamConfig(spec: BucketSpec, replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: `KV_${spec.name}`,
    subjects: [`$KV.${spec.name}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    max_msgs_per_subject: spec.history,
    max_msg_size: -1,
    max_bytes: -1,
    max_age: nanos(spec.maxAgeMs ?? 0),
    discard: DiscardPolicy.New,
    allow_direct: true,
    allow_rollup_hdrs: true,
    num_replicas: replicas,
  };
}
