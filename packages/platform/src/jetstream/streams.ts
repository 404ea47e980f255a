import { JetStreamManager, RetentionPolicy, StorageType, nanos } from "nats";

/** A stream of the backbone. Every service ensures the streams it uses at start; the first one creates them. */
export interface StreamSpec {
  name: string;
  subjects: string[];
  /** Work queues drop a message once it is acknowledged; event streams keep history. */
  workQueue?: boolean;
}

/** The city's event streams, one per area (see contracts/subjects.ts for the naming rule). */
export const streams = {
  mode: { name: "CRISIS_MODE", subjects: ["crisis.mode.>"] },
  facility: { name: "CRISIS_FACILITY", subjects: ["crisis.facility.>"] },
  staff: { name: "CRISIS_STAFF", subjects: ["crisis.staff.>"] },
  service: { name: "CRISIS_SERVICE", subjects: ["crisis.service.>"] },
  alert: { name: "CRISIS_ALERT", subjects: ["crisis.alert.>"] },
  audit: { name: "CRISIS_AUDIT", subjects: ["crisis.audit.>"] },
  /** Occupancy reports and crowding levels of shelters. */
  shelter: { name: "CRISIS_SHELTER", subjects: ["crisis.shelter.>"] },
  /** Bookings and tickets at the city's counters. */
  counter: { name: "CRISIS_COUNTER", subjects: ["crisis.counter.>"] },
  /** Events a consumer gave up on, kept for an operator to re-drive (every service ensures it). */
  deadLetter: { name: "CRISIS_DEADLETTER", subjects: ["crisis.deadletter.>"] },
} satisfies Record<string, StreamSpec>;

/** A JetStream KV bucket of the backbone: durable state kept by key rather than as a history. */
export interface BucketSpec {
  name: string;
  /** Values kept per key (1: the latest only). */
  history: number;
}

/** The KV buckets services keep their state in (each service opens its own at start). */
export const buckets = {
  /** Counter bookings by code, and the codes holding each slot's places (facilities; CAS per slot). */
  counterBookings: { name: "counter_bookings", history: 1 },
} satisfies Record<string, BucketSpec>;

/** Redelivered publishes inside this window are dropped by JetStream (Nats-Msg-Id). */
const duplicateWindowMs = 24 * 60 * 60 * 1000;

/**
 * Creates or updates the streams. A cluster that is still electing leaders answers with
 * timeouts for a while, so timeouts are retried for up to a minute before start fails.
 */
export async function ensureStreams(jsm: JetStreamManager, specs: StreamSpec[], replicas = 1): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await putStreams(jsm, specs, replicas);
    } catch (err) {
      if (!isTimeout(err) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

const isTimeout = (err: unknown) => (err as { code?: string })?.code === "TIMEOUT";

/** NATS could not answer now (no leader yet, no responders, timeout): worth retrying shortly. */
export const isBackboneUnavailable = (err: unknown) => ["TIMEOUT", "503"].includes((err as { code?: string })?.code ?? "");

async function putStreams(jsm: JetStreamManager, specs: StreamSpec[], replicas: number): Promise<void> {
  for (const spec of specs) {
    const config = {
      name: spec.name,
      subjects: spec.subjects,
      storage: StorageType.File,
      retention: spec.workQueue ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
      duplicate_window: nanos(duplicateWindowMs),
      num_replicas: replicas,
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

/** JetStream's 404s: no such stream, consumer or message. */
export function isNotFound(err: unknown): boolean {
  const apiCode = (err as { api_error?: { code?: number } })?.api_error?.code;
  return apiCode === 404 || (err instanceof Error && /not found/i.test(err.message));
}
