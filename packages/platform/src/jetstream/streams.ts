import { JetStreamManager, RetentionPolicy, StorageType, nanos } from "nats";

/** A stream of the backbone. Every service ensures the streams it uses at start; the first one creates them. */
export interface StreamSpec {
  name: string;
  subjects: string[];
  /** Work queues drop a message once it is acknowledged; event streams keep history. */
  workQueue?: boolean;
  /** How long a Nats-Msg-Id is remembered (default `duplicateWindowMs`); see there for what it must cover. */
  duplicateWindowMs?: number;
}

const minute = 60_000;

/**
 * The longest a writer goes on re-publishing the same event id by itself: a handler's retries
 * (20 attempts, at most 30 s apart: 10 min), then a take-over re-running what the dead holder of a
 * lease was doing (the lease's time to live, at most 10 min, plus the 30 s ack wait before the
 * consumer hands its message to the new holder). A re-publish later than the window is stored twice.
 */
export const republishHorizonMs = 10 * minute + 10 * minute + minute / 2;

/**
 * Every stream keeps ids for a day. Each needs at least `republishHorizonMs` (about 21 min) for
 * the retries and take-overs above; the rest of the day covers an operator re-driving a parked
 * event (`npm run redrive`) the same working day, when the derived events are published again
 * under the same ids: without it, every status change of a re-driven declaration would be stored
 * twice. The cost is one id (a few dozen bytes) per event kept in memory for a day: a declaration
 * is a few hundred events, a fan-out a few hundred thousand push jobs at most.
 * - CRISIS_MODE: declarations (the gateway's retried publish; the sequence check does the rest).
 * - CRISIS_FACILITY, CRISIS_SERVICE: playbook, stand-down, schedule and staff-decision changes,
 *   ids from the declaration, boundary or decision and the facility or channel.
 * - CRISIS_STAFF: notices, ids from the plan in force and the person's move.
 * - CRISIS_ALERT, CRISIS_AUDIT, CRISIS_SHELTER: one event per cause, re-published by retries.
 * - CRISIS_DEADLETTER: a park is re-tried when its acknowledgement is lost.
 * - work queues (notify's push jobs): a job re-queued when the alert consumer retries.
 */
export const duplicateWindowMs = 24 * 60 * minute;

/**
 * The city's streams: the event streams, one per area (see contracts/subjects.ts for the naming rule),
 * and the services' private ones. Who owns each and whether the second site carries it: state/register.ts.
 */
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
  /**
   * The facilities service's own record of decisions: one subject per facility or service channel,
   * so that a writer can say which last sequence it read and a concurrent writer is refused.
   */
  facilitiesDecision: { name: "FACILITIES_DECISION", subjects: ["facilities.decision.recorded.>"] },
  /** Notify's private work queue: composed pushes in batches, each removed once all its pushes settled. */
  pushDelivery: { name: "NOTIFY_PUSH_DELIVERY", subjects: ["notify.push.>"], workQueue: true },
} satisfies Record<string, StreamSpec>;

/**
 * Creates or updates the streams. A cluster that is still electing leaders answers with
 * timeouts for a while, so timeouts are retried up to `limitMs` (START_JETSTREAM_TIMEOUT_MS) before start fails.
 */
export async function ensureStreams(jsm: JetStreamManager, specs: StreamSpec[], replicas = 1, limitMs = 120_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      return await putStreams(jsm, specs, replicas);
    } catch (err) {
      if (!isTimeout(err)) throw err;
      if (Date.now() > deadline)
        throw new Error(`JetStream did not create the streams within START_JETSTREAM_TIMEOUT_MS=${limitMs}: ${(err as Error).message}`, {
          cause: err,
        });
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
      duplicate_window: nanos(spec.duplicateWindowMs ?? duplicateWindowMs),
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
