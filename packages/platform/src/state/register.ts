import { StreamSpec, streams } from "../jetstream/streams";

/** Who writes the thing and answers for it. */
export type Owner = "gateway" | "facilities" | "staffing" | "notify" | "platform";

/** A JetStream KV bucket: a stream `KV_<name>` on subjects `$KV.<name>.>` that keeps `history` values per key. */
export interface BucketSpec {
  name: string;
  history: number;
  /** Entries older than this are dropped (the stream's max age); unset: kept until deleted. */
  maxAgeMs?: number;
  /** The setting that overrides `maxAgeMs` at start, when there is one. */
  maxAgeSetting?: string;
}

/** Carried to the second site, or left behind on purpose, with the reason. */
export type SecondSite = { carried: true } | { carried: false; reason: string };

interface Described {
  owner: Owner;
  /** In the users' words: what the city would lose without it. */
  purpose: string;
  secondSite: SecondSite;
}

export type StateEntry = ({ kind: "stream"; spec: StreamSpec } | { kind: "bucket"; spec: BucketSpec }) & Described;

const day = 24 * 60 * 60 * 1000;

/** The city's KV buckets. Every adapter opens its bucket from here (openBucket), never by a name of its own. */
export const buckets = {
  pushSubscriptions: { name: "push_subscriptions", history: 1 },
  deliveryReports: { name: "notify_alert_reports", history: 1, maxAgeMs: 7 * day },
  batchProgress: { name: "notify_batch_progress", history: 1, maxAgeMs: day },
  pendingChanges: { name: "notify_pending_changes", history: 1 },
  reminders: { name: "notify_reminders", history: 1 },
  fullShelters: { name: "notify_full_shelters", history: 1 },
  /** Per counter service: its latest waiting figure and, per N followed, whether "fewer than N" is armed. */
  waitingWatches: { name: "notify_waiting_watches", history: 1 },
  staffingDuties: { name: "staffing_duties", history: 1 },
  staffingPlans: { name: "staffing_plans", history: 1 },
  /** Staffing's continuity teams (班), their rotas and the teams out, one key per department. */
  staffingTeams: { name: "staffing_teams", history: 1 },
  /** Counter bookings by code, and the codes holding each slot's places (facilities; compare-and-set per slot). */
  counterBookings: { name: "counter_bookings", history: 1 },
  /** Remote tickets by code, each counter's day queue (compare-and-set) and its numbers (facilities); a ticket is for one day, so two days keep it. */
  counterTickets: { name: "counter_tickets", history: 1, maxAgeMs: 2 * day },
  idempotency: { name: "gateway_idempotency", history: 1, maxAgeMs: day, maxAgeSetting: "IDEMPOTENCY_TTL_HOURS" },
  pendingDeclarations: {
    name: "gateway_mode_pending",
    history: 1,
    maxAgeMs: day,
    maxAgeSetting: "APPROVAL_TTL_MINUTES (twice it, at least a day)",
  },
  leases: { name: "service_leases", history: 1, maxAgeMs: 10_000, maxAgeSetting: "LEASE_TTL_MS" },
} satisfies Record<string, BucketSpec>;

const carried: SecondSite = { carried: true };
const stream = (spec: StreamSpec, owner: Owner, purpose: string, secondSite: SecondSite = carried): StateEntry => ({
  kind: "stream",
  spec,
  owner,
  purpose,
  secondSite,
});
const bucket = (spec: BucketSpec, owner: Owner, purpose: string, secondSite: SecondSite = carried): StateEntry => ({
  kind: "bucket",
  spec,
  owner,
  purpose,
  secondSite,
});

/**
 * Everything the city keeps in JetStream, each once. Services create what they use from here at
 * start, the second site follows and promotes what is carried, and docs/state.md is generated from it.
 * A stream or bucket that is not listed here fails the register test.
 */
export const stateRegister: StateEntry[] = [
  stream(streams.mode, "gateway", "Crisis mode declarations and their approvals: the city's level and wards."),
  stream(streams.facility, "facilities", "Facility openings, closings and playbooks applied; alerts to citizens follow from them."),
  stream(streams.staff, "staffing", "Staff assignments, reassignments, notices, acknowledgements and declines."),
  stream(streams.service, "facilities", "Service levels of counters and channels, and counters' waiting figures."),
  stream(streams.alert, "notify", "Alerts sent to citizens and their delivery reports."),
  stream(streams.audit, "gateway", "Who did what and when: the audit trail operators answer from."),
  stream(streams.shelter, "facilities", "Shelters' occupancy reports and crowding levels."),
  stream(streams.counter, "facilities", "Citizens' counter bookings and tickets as events: created, changed, cancelled."),
  stream(streams.deadLetter, "platform", "Events a consumer gave up on, kept for an operator to re-drive."),
  stream(streams.facilitiesDecision, "facilities", "Decisions taken by hand on facilities and channels (a shelter closed by hand)."),
  stream(streams.pushDelivery, "notify", "Composed pushes waiting to be sent, in batches.", {
    carried: false,
    reason:
      "a work queue has one consumer and following it would be a second; pushes still queued at the loss are not sent, " +
      "alerts after the promotion reach every carried subscription",
  }),
  bucket(buckets.pushSubscriptions, "notify", "Citizens' push subscriptions: endpoint, keys and topics."),
  bucket(buckets.deliveryReports, "notify", "Delivery counts per alert and batch (the alert report)."),
  bucket(buckets.batchProgress, "notify", "How far each push batch got, so a successor does not push twice."),
  bucket(buckets.pendingChanges, "notify", "Facility changes waiting to be told in one notice (the coalescing window)."),
  bucket(buckets.reminders, "notify", "Second notices scheduled before a restriction begins."),
  bucket(buckets.fullShelters, "notify", "The last 'shelter full' alert per shelter, so citizens are not told twice."),
  bucket(buckets.waitingWatches, "notify", "Each counter's latest waiting figure and which 'fewer than N waiting' notices are armed."),
  bucket(buckets.staffingDuties, "staffing", "Each person's duties, notices, acknowledgements, declines and minutes on duty."),
  bucket(buckets.staffingPlans, "staffing", "The staffing plan in force."),
  bucket(buckets.counterBookings, "facilities", "Citizens' counter bookings by code and the places each slot has given."),
  bucket(buckets.counterTickets, "facilities", "Remote tickets by code, each counter's queue of the day and the code of each number."),
  bucket(buckets.staffingTeams, "staffing", "Continuity teams (班) per department, their office/home rotas and the teams out."),
  bucket(buckets.idempotency, "gateway", "First answers by Idempotency-Key, so a retried request is not done twice."),
  bucket(buckets.pendingDeclarations, "gateway", "Declarations waiting for a second person's approval."),
  bucket(buckets.leases, "platform", "Which instance of a single-active service is the active one.", {
    carried: false,
    reason:
      "a lease names a process of the lost site; the promoted site's services take fresh leases, and a carried one would hold them back until it lapsed",
  }),
];

/** The JetStream stream that holds an entry: the stream itself, or `KV_<bucket>`. */
export const streamNameOf = (entry: StateEntry) => (entry.kind === "stream" ? entry.spec.name : `KV_${entry.spec.name}`);

/** The subjects an entry's stream takes when writable. */
export const subjectsOf = (entry: StateEntry) => (entry.kind === "stream" ? entry.spec.subjects : [`$KV.${entry.spec.name}.>`]);

/** The entry kept in the JetStream stream `name` (`KV_<bucket>` for a bucket). */
export function stateEntry(name: string, register = stateRegister): StateEntry {
  const entry = register.find((e) => streamNameOf(e) === name);
  if (!entry) throw new Error(`${name} is not in the state register`);
  return entry;
}

/** What the second site follows and promotes. */
export const carriedState = (register = stateRegister) => register.filter((e) => e.secondSite.carried);

/** The register entry whose stream stores `subject`, if any (`>` and `*` as NATS matches them). */
export function entryForSubject(subject: string, register = stateRegister): StateEntry | undefined {
  const tokens = subject.split(".");
  const matches = (pattern: string) => {
    const want = pattern.split(".");
    return (
      want.every((w, i) => (w === ">" ? tokens.length > i : w === "*" ? tokens[i] !== undefined : w === tokens[i])) &&
      (want.at(-1) === ">" || want.length === tokens.length)
    );
  };
  return register.find((e) => subjectsOf(e).some(matches));
}
