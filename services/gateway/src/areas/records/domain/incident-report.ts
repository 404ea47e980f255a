import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { FacilityStatus, ShelterOperation, serviceLevelToJSON } from "@crisis/platform/contracts/common";
import { CounterWaitingReported, OccupancyReported, SupplyNeed } from "@crisis/platform/contracts/crowding";
import {
  AlertIssued,
  FacilityStatusChanged,
  ModeChanged,
  ServiceLevelChanged,
  StaffAnswered,
  StaffReassigned,
  StaffReleased,
} from "@crisis/platform/contracts/events";

/** How one batch of pushes of an alert ended, and when (notify's delivery report, one per batch). */
export interface DeliverySettled {
  alertId: string;
  batch: string;
  accepted: number;
  gone: number;
  failed: number;
  expired: number;
  settledAt: string;
}

/** Everything the after-action report is made of, as recorded. */
export type IncidentEvent =
  | { kind: "mode"; event: ModeChanged }
  | { kind: "audit"; event: AuditRecorded }
  | { kind: "facility"; event: FacilityStatusChanged }
  | { kind: "occupancy"; event: OccupancyReported }
  | { kind: "suppliesExhausted"; event: OccupancyReported }
  | { kind: "suppliesRestored"; event: OccupancyReported }
  | { kind: "alert"; event: AlertIssued }
  | { kind: "delivery"; batch: DeliverySettled }
  | { kind: "reassigned"; event: StaffReassigned }
  | { kind: "acknowledged" | "declined"; event: StaffAnswered }
  | { kind: "released"; event: StaffReleased }
  | { kind: "waiting"; event: CounterWaitingReported }
  | { kind: "serviceLevel"; event: ServiceLevelChanged };

export interface TimelineEntry {
  at: string;
  kind: string;
  who: string;
  why: string;
  approver: string;
  what: string;
}
export interface WardDay {
  day: string;
  ward: string;
  open: number;
}
export interface WardEvacuees {
  hour: string;
  ward: string;
  shelters: number;
  evacuees: number;
}
export interface AlertFigures {
  alertId: string;
  title: string;
  decidedAt: string;
  issuedAt: string;
  messages: number;
  reached: number;
  failed: number;
  /** Accepted pushes per message queued, 0..1. */
  deliveryRate: number;
  /** From the decision to the first batch with an accepted push; null when none was accepted. */
  firstPushSeconds: number | null;
  /** From the decision to the batch that took accepted pushes past 99 % of all accepted. */
  p99PushSeconds: number | null;
}
export interface DepartmentSkill {
  department: string;
  skill: string;
  people: number;
}
export interface DepartmentHours {
  department: string;
  hours: number;
}
export interface DepartmentDeployed {
  department: string;
  people: number;
  hours: number;
}
export interface FloorKept {
  department: string;
  skill: string;
  broughtBack: number;
}
export interface LevelChange {
  at: string;
  serviceId: string;
  serviceName: string;
  level: string;
}
export interface CounterWaiting {
  serviceId: string;
  serviceName: string;
  reports: number;
  latest: number;
  max: number;
  mean: number;
}

export interface IncidentReport {
  from: string;
  to: string;
  timeline: TimelineEntry[];
  shelters: { openPerWardPerDay: WardDay[]; evacueesPerWardPerHour: WardEvacuees[] };
  alerts: AlertFigures[];
  staff: {
    reassigned: DepartmentSkill[];
    notices: number;
    acknowledged: number;
    declined: number;
    /** Acknowledged per notice, 0..1. */
    ackRate: number;
    medianAnswerSeconds: number | null;
    hoursServed: DepartmentHours[];
    floorsKept: FloorKept[];
  };
  counters: { levels: LevelChange[]; waiting: CounterWaiting[] };
}

/** Who belongs to which department with which skill (StaffReassigned does not say). */
export type StaffDirectory = (staffId: string) => { department: string; skill?: string } | undefined;

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** Days of the report are Kumamoto's calendar days (JST, no daylight saving). */
const jstMs = 9 * hourMs;
const unknown = "unknown";

const ms = (iso: string) => Date.parse(iso);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const jstDay = (t: number) => new Date(t + jstMs).toISOString().slice(0, 10);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Inserts keeping `at` order; events come nearly in order, so this is an append almost always. */
function insertByTime<T extends { t: number }>(list: T[], item: T) {
  let i = list.length;
  while (i > 0 && list[i - 1].t > item.t) i--;
  list.splice(i, 0, item);
}

/** The first index whose time is at or after `t`. */
function firstAt<T extends { t: number }>(list: readonly T[], t: number) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Timed {
  t: number;
}
interface Report extends Timed {
  facilityId: string;
  ward: string;
  headcount: number;
}
interface Interval {
  start: number;
  end: number;
}
interface Shelter {
  ward: string;
  open: Interval[];
}
interface Notice extends Timed {
  noticeId: string;
  staffId: string;
  skill: string;
  startsAt: number;
  endsAt: number;
  answer?: { kind: "acknowledged" | "declined"; t: number };
}
interface Release extends Timed {
  staffId: string;
  department: string;
  floor?: { department: string; skill: string };
}
interface Waiting extends Timed {
  serviceId: string;
  serviceName: string;
  waiting: number;
}

/**
 * The incident's figures kept as events arrive (each event once, in any order within a few), so a
 * report over any range reads compact records instead of the streams.
 */
export class IncidentLedger {
  private readonly timeline: (TimelineEntry & Timed)[] = [];
  private readonly decisions = new Map<string, string>();
  private readonly shelters = new Map<string, Shelter>();
  private readonly reports: Report[] = [];
  private readonly alerts: (AlertIssued & Timed)[] = [];
  private readonly batches = new Map<string, Map<string, DeliverySettled>>();
  private readonly notices = new Map<string, Notice>();
  private readonly noticeOrder: Notice[] = [];
  private readonly early = new Map<string, { kind: "acknowledged" | "declined"; t: number }>();
  private readonly releases: Release[] = [];
  private readonly releasesOf = new Map<string, Release[]>();
  private readonly departments = new Map<string, string>();
  private readonly levels: (LevelChange & Timed)[] = [];
  private readonly waiting: Waiting[] = [];
  private events = 0;

  constructor(private readonly directory: StaffDirectory = () => undefined) {}

  /** How many events were folded in. */
  get size() {
    return this.events;
  }

  add(e: IncidentEvent) {
    this.events++;
    switch (e.kind) {
      case "mode":
        if (e.event.mode) this.decisions.set(e.event.eventId, e.event.mode.declaredAt);
        return;
      case "audit": {
        const a = e.event;
        if (a.kind.startsWith("subscription.") || a.kind === "mode.requested") return;
        insertByTime(this.timeline, { t: ms(a.at), at: a.at, kind: a.kind, who: a.actor, why: a.why, approver: a.approver, what: a.what });
        return;
      }
      case "facility":
        return this.facilityChanged(e.event);
      case "occupancy":
        insertByTime(this.reports, {
          t: ms(e.event.reportedAt),
          facilityId: e.event.facilityId,
          ward: e.event.ward,
          headcount: e.event.headcount,
        });
        return;
      case "suppliesExhausted":
        return this.suppliesReported("shelter.supplies.exhausted", "out", e.event);
      case "suppliesRestored":
        // What is still out: read beside the shelter's exhausted entry, it tells what came back.
        return this.suppliesReported("shelter.supplies.restored", "stillOut", e.event);
      case "alert":
        insertByTime(this.alerts, { ...e.event, t: ms(e.event.issuedAt) });
        return;
      case "delivery": {
        const batches = this.batches.get(e.batch.alertId) ?? new Map<string, DeliverySettled>();
        batches.set(e.batch.batch, e.batch);
        this.batches.set(e.batch.alertId, batches);
        return;
      }
      case "reassigned":
        return this.reassigned(e.event);
      case "acknowledged":
      case "declined":
        return this.answered(e.kind, e.event);
      case "released": {
        const r = e.event;
        this.departments.set(r.staffId, r.department);
        const floor = r.floor ? { department: r.floor.department, skill: r.floor.skill } : undefined;
        const release = { t: ms(r.releasedAt), staffId: r.staffId, department: r.department, floor };
        insertByTime(this.releases, release);
        const own = this.releasesOf.get(r.staffId) ?? [];
        insertByTime(own, release);
        this.releasesOf.set(r.staffId, own);
        return;
      }
      case "waiting":
        if (e.event.waiting === undefined) return;
        insertByTime(this.waiting, {
          t: ms(e.event.reportedAt),
          serviceId: e.event.serviceId,
          serviceName: e.event.serviceName,
          waiting: e.event.waiting,
        });
        return;
      case "serviceLevel": {
        const s = e.event;
        this.decisions.set(s.eventId, s.changedAt);
        insertByTime(this.levels, {
          t: ms(s.changedAt),
          at: s.changedAt,
          serviceId: s.serviceId,
          serviceName: s.serviceName,
          level: serviceLevelToJSON(s.level).replace("SERVICE_LEVEL_", "").toLowerCase(),
        });
        return;
      }
    }
  }

  /** On the timeline beside the decisions: when a shelter ran out or got supplies back, with what is out, as reported. */
  private suppliesReported(kind: string, outAs: "out" | "stillOut", r: OccupancyReported) {
    const out = (["water", "food", "blankets"] as const).filter((s) => r.needs?.[s] === SupplyNeed.SUPPLY_NEED_OUT);
    const what = JSON.stringify({ facilityId: r.facilityId, name: r.facilityName, ward: r.ward, [outAs]: out });
    insertByTime(this.timeline, { t: ms(r.reportedAt), at: r.reportedAt, kind, who: r.reportedBy, why: "", approver: "", what });
  }

  private facilityChanged(f: FacilityStatusChanged) {
    this.decisions.set(f.eventId, f.changedAt);
    const open = f.shelter === ShelterOperation.SHELTER_OPERATION_OPEN || f.status === FacilityStatus.FACILITY_STATUS_SHELTER_OPEN;
    const shelter = this.shelters.get(f.facilityId) ?? { ward: f.ward, open: [] };
    this.shelters.set(f.facilityId, shelter);
    const t = ms(f.changedAt);
    const last = shelter.open.at(-1);
    const isOpen = last !== undefined && last.end === Infinity;
    if (open && !isOpen) shelter.open.push({ start: t, end: Infinity });
    if (!open && isOpen) last.end = t;
  }

  private reassigned(r: StaffReassigned) {
    if (this.notices.has(r.noticeId)) return;
    const t = ms(r.issuedAt);
    const notice: Notice = {
      t,
      noticeId: r.noticeId,
      staffId: r.staffId,
      skill: r.duty,
      startsAt: r.startsAt ? ms(r.startsAt) : t,
      endsAt: r.endsAt ? ms(r.endsAt) : Infinity,
      answer: this.early.get(r.noticeId),
    };
    this.early.delete(r.noticeId);
    this.notices.set(r.noticeId, notice);
    insertByTime(this.noticeOrder, notice);
  }

  private answered(kind: "acknowledged" | "declined", a: StaffAnswered) {
    const answer = { kind, t: ms(a.answeredAt) };
    const notice = this.notices.get(a.noticeId);
    if (!notice) this.early.set(a.noticeId, answer);
    else if (!notice.answer) notice.answer = answer;
  }

  /** The report of `[from, to)`. */
  report(fromIso: string, toIso: string): IncidentReport {
    const from = ms(fromIso);
    const to = ms(toIso);
    const inRange = <T extends Timed>(list: readonly T[]) => list.slice(firstAt(list, from), firstAt(list, to));
    return {
      from: fromIso,
      to: toIso,
      timeline: inRange(this.timeline).map(({ t: _t, ...entry }) => entry),
      shelters: { openPerWardPerDay: this.openPerWardPerDay(from, to), evacueesPerWardPerHour: this.evacuees(from, to) },
      alerts: inRange(this.alerts).map((a) => this.alertFigures(a)),
      staff: this.staffFigures(from, to, inRange(this.noticeOrder), inRange(this.releases)),
      counters: { levels: inRange(this.levels).map(({ t: _t, ...level }) => level), waiting: waitingFigures(inRange(this.waiting)) },
    };
  }

  /**
   * People serving in `[from, to)` per department: acknowledged notices whose duty (from its start to
   * the person's release or its end) overlaps the range, each person once, with the hours served in it.
   */
  staffDeployed(fromIso: string, toIso: string): DepartmentDeployed[] {
    return this.served(ms(fromIso), ms(toIso));
  }

  private served(from: number, to: number): DepartmentDeployed[] {
    const by = new Map<string, { people: Set<string>; hours: number }>();
    for (const n of this.noticeOrder) {
      if (n.t >= to) break;
      if (n.answer?.kind !== "acknowledged") continue;
      const own = this.releasesOf.get(n.staffId) ?? [];
      const release = own[firstAt(own, n.startsAt)];
      const start = Math.max(n.startsAt, from);
      const end = Math.min(release?.t ?? Infinity, n.endsAt, to);
      if (end <= start) continue;
      const department = this.departmentOf(n.staffId);
      const row = by.get(department) ?? { people: new Set<string>(), hours: 0 };
      row.people.add(n.staffId);
      row.hours += (end - start) / hourMs;
      by.set(department, row);
    }
    return [...by]
      .map(([department, row]) => ({ department, people: row.people.size, hours: round(row.hours, 2) }))
      .sort((a, b) => byText(a.department, b.department));
  }

  private openPerWardPerDay(from: number, to: number): WardDay[] {
    const rows: WardDay[] = [];
    for (let day = Math.floor((from + jstMs) / dayMs) * dayMs - jstMs; day < to; day += dayMs) {
      const start = Math.max(day, from);
      const end = Math.min(day + dayMs, to);
      const byWard = new Map<string, number>();
      for (const s of this.shelters.values())
        if (s.open.some((i) => i.start < end && i.end > start)) byWard.set(s.ward, (byWard.get(s.ward) ?? 0) + 1);
      for (const [ward, open] of [...byWard].sort(([a], [b]) => byText(a, b))) rows.push({ day: jstDay(day), ward, open });
    }
    return rows;
  }

  /**
   * A shelter counts with its latest report before the hour's end if it was open at some time in the
   * hour, so a shelter closed within the hour still shows who was there (a shelter never opened by an
   * event counts as reported).
   */
  private evacuees(from: number, to: number): WardEvacuees[] {
    const rows: WardEvacuees[] = [];
    const latest = new Map<string, Report>();
    let next = 0;
    for (let hour = Math.floor(from / hourMs) * hourMs; hour < to; hour += hourMs) {
      const end = Math.min(hour + hourMs, to);
      for (; next < this.reports.length && this.reports[next].t < end; next++)
        latest.set(this.reports[next].facilityId, this.reports[next]);
      const byWard = new Map<string, WardEvacuees>();
      for (const r of latest.values()) {
        const shelter = this.shelters.get(r.facilityId);
        if (shelter && !openDuring(shelter, hour, end)) continue;
        const row = byWard.get(r.ward) ?? { hour: new Date(hour).toISOString(), ward: r.ward, shelters: 0, evacuees: 0 };
        row.shelters++;
        row.evacuees += r.headcount;
        byWard.set(r.ward, row);
      }
      rows.push(...[...byWard.values()].sort((a, b) => byText(a.ward, b.ward)));
    }
    return rows;
  }

  private alertFigures(a: AlertIssued & Timed): AlertFigures {
    const batches = [...(this.batches.get(a.eventId)?.values() ?? [])].sort((x, y) => byText(x.settledAt, y.settledAt));
    const decidedAt = this.decisions.get(a.causeEventId) ?? a.issuedAt;
    const reached = batches.reduce((n, b) => n + b.accepted, 0);
    const failed = batches.reduce((n, b) => n + b.failed + b.gone + b.expired, 0);
    const since = (iso: string | undefined) => (iso === undefined ? null : round((ms(iso) - ms(decidedAt)) / 1000));
    let cumulative = 0;
    const p99 = batches.find((b) => (cumulative += b.accepted) >= Math.ceil(reached * 0.99) && reached > 0);
    return {
      alertId: a.eventId,
      title: a.titleEn || a.titleJa,
      decidedAt,
      issuedAt: a.issuedAt,
      messages: a.recipients,
      reached,
      failed,
      deliveryRate: a.recipients > 0 ? round(reached / a.recipients, 4) : 0,
      firstPushSeconds: since(batches.find((b) => b.accepted > 0)?.settledAt),
      p99PushSeconds: since(p99?.settledAt),
    };
  }

  private departmentOf(staffId: string) {
    return this.directory(staffId)?.department ?? this.departments.get(staffId) ?? unknown;
  }

  private staffFigures(from: number, to: number, notices: Notice[], releases: Release[]): IncidentReport["staff"] {
    // One pass over the range's notices: a report over days holds a hundred thousand of them.
    const people = new Map<string, Set<string>>();
    const answerTimes = new Float64Array(notices.length);
    let answered = 0;
    let acknowledged = 0;
    let declined = 0;
    for (const n of notices) {
      const key = `${this.departmentOf(n.staffId)}\u0000${n.skill || this.directory(n.staffId)?.skill || ""}`;
      const ids = people.get(key);
      if (ids) ids.add(n.staffId);
      else people.set(key, new Set([n.staffId]));
      if (!n.answer) continue;
      answerTimes[answered++] = (n.answer.t - n.t) / 1000;
      if (n.answer.kind === "acknowledged") acknowledged++;
      else declined++;
    }
    const floors = new Map<string, number>();
    for (const r of releases)
      if (r.floor)
        floors.set(`${r.floor.department}\u0000${r.floor.skill}`, (floors.get(`${r.floor.department}\u0000${r.floor.skill}`) ?? 0) + 1);
    const split = (key: string) => key.split("\u0000") as [string, string];
    return {
      reassigned: [...people]
        .map(([key, ids]) => ({ department: split(key)[0], skill: split(key)[1], people: ids.size }))
        .sort((a, b) => byText(a.department, b.department) || byText(a.skill, b.skill)),
      notices: notices.length,
      acknowledged,
      declined,
      ackRate: notices.length ? round(acknowledged / notices.length, 4) : 0,
      medianAnswerSeconds: median(answerTimes.subarray(0, answered).sort()),
      hoursServed: this.served(from, to).map(({ department, hours }) => ({ department, hours })),
      floorsKept: [...floors]
        .map(([key, broughtBack]) => ({ department: split(key)[0], skill: split(key)[1], broughtBack }))
        .sort((a, b) => byText(a.department, b.department) || byText(a.skill, b.skill)),
    };
  }
}

/** Whether the shelter was open at some time in `[start, end)`: its last opening before `end` not closed by `start`. */
function openDuring(shelter: Shelter, start: number, end: number) {
  const { open } = shelter;
  let lo = 0;
  let hi = open.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (open[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && open[lo - 1].end > start;
}

function median(sorted: ArrayLike<number>): number | null {
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

function waitingFigures(reports: Waiting[]): CounterWaiting[] {
  const by = new Map<string, CounterWaiting & { sum: number }>();
  for (const r of reports) {
    const c = by.get(r.serviceId) ?? { serviceId: r.serviceId, serviceName: r.serviceName, reports: 0, latest: 0, max: 0, mean: 0, sum: 0 };
    c.reports++;
    c.latest = r.waiting;
    c.max = Math.max(c.max, r.waiting);
    c.sum += r.waiting;
    by.set(r.serviceId, c);
  }
  return [...by.values()].map(({ sum, ...c }) => ({ ...c, mean: round(sum / c.reports) })).sort((a, b) => byText(a.serviceId, b.serviceId));
}
