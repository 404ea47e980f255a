import { ChangeSource, Mode, ServiceLevel, ShelterOperation } from "@crisis/platform/contracts";
import { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { FacilityDecision, ServiceLevelDecision } from "@crisis/platform/contracts/facilities";
import { Condition, FacilityRecord, conditionAt, newRecord, ordinaryCondition } from "./condition";
import { CounterServiceDef, channelKey, effectiveLevel } from "./counter-services";
import { Facility } from "./facility";
import { applyCorrection } from "./correction";

/** What citizens were last told about one facility (the last FacilityStatusChanged). */
export interface Announced {
  condition: Condition;
  lastChange?: FacilityStatusChanged;
}

/**
 * The projection the service answers from: every facility's record and what was last announced,
 * every counter service's level decisions and announced levels. Rebuilt at start from the streams.
 */
export class CityBoard {
  readonly records = new Map<string, FacilityRecord>();
  private readonly announced = new Map<string, Announced>();
  readonly serviceDefs = new Map<string, CounterServiceDef>();
  readonly levelDecisions = new Map<string, ServiceLevelDecision[]>();
  private readonly announcedLevels = new Map<string, ServiceLevel>();
  /** Last stream sequence of each entity's decision subject (optimistic concurrency). */
  readonly decisionSeq = new Map<string, number>();
  /** The declaration whose playbook is in force. */
  current?: { mode: Mode; modeEventId: string };
  /** Every announced end of a shelter's operation, in stream order (the hourly history stops counting it there). */
  readonly shelterClosings: { facilityId: string; ward: string; closedAt: string }[] = [];
  /** Grows with every change of a record or a level decision (lets indexes know when to rebuild). */
  version = 0;

  constructor(facilities: Facility[], services: CounterServiceDef[] = []) {
    for (const f of facilities) this.records.set(f.id, newRecord(f));
    for (const s of services) this.serviceDefs.set(s.id, s);
  }

  get facilities(): Facility[] {
    return [...this.records.values()].map((r) => r.facility);
  }

  record(id: string): FacilityRecord | undefined {
    return this.records.get(id);
  }

  announcedOf(id: string): Announced {
    const known = this.announced.get(id);
    if (known) return known;
    const record = this.records.get(id);
    if (!record) throw new Error(`no facility ${id}`);
    return { condition: ordinaryCondition(record.facility) };
  }

  conditionAt(id: string, t: number): Condition {
    const record = this.records.get(id);
    if (!record) throw new Error(`no facility ${id}`);
    return conditionAt(record, t);
  }

  /** A status event stored (now or replayed at start). */
  announce(change: FacilityStatusChanged): void {
    if (!this.records.has(change.facilityId)) return;
    const { SHELTER_OPERATION_OPEN } = ShelterOperation;
    if (change.previousShelter === SHELTER_OPERATION_OPEN && change.shelter !== SHELTER_OPERATION_OPEN)
      this.shelterClosings.push({ facilityId: change.facilityId, ward: change.ward, closedAt: change.changedAt });
    this.announced.set(change.facilityId, {
      condition: { use: change.use, shelter: change.shelter, status: change.status, reasons: change.reasons },
      lastChange: change,
    });
  }

  announcedLevel(serviceId: string, channel: string): ServiceLevel {
    return this.announcedLevels.get(channelKey(serviceId, channel)) ?? ServiceLevel.SERVICE_LEVEL_NORMAL;
  }

  announceLevel(change: ServiceLevelChanged): void {
    this.announcedLevels.set(channelKey(change.serviceId, change.channel), change.level);
  }

  decisionsOf(serviceId: string, channel: string): ServiceLevelDecision[] {
    return this.levelDecisions.get(channelKey(serviceId, channel)) ?? [];
  }

  levelAt(serviceId: string, channel: string, t: number) {
    return effectiveLevel(this.decisionsOf(serviceId, channel), t);
  }

  replaceRecord(record: FacilityRecord): void {
    this.version++;
    this.records.set(record.facility.id, record);
  }

  replaceLevelDecisions(serviceId: string, channel: string, decisions: ServiceLevelDecision[]): void {
    this.version++;
    this.levelDecisions.set(channelKey(serviceId, channel), decisions);
  }

  /** A stored decision (now or replayed at start) changes the record it names. */
  recordDecision(d: FacilityDecision, seq: number, key: string): void {
    this.decisionSeq.set(key, seq);
    if (d.serviceLevel) {
      const s = d.serviceLevel;
      this.replaceLevelDecisions(s.serviceId, s.channel, withDecision(this.decisionsOf(s.serviceId, s.channel), s));
      return;
    }
    const record = this.records.get(d.facilityId);
    if (record) this.replaceRecord(decided(record, d));
  }
}

function withDecision(list: ServiceLevelDecision[], d: ServiceLevelDecision): ServiceLevelDecision[] {
  return [...list.filter((x) => x.id !== d.id), d];
}

const manual = ChangeSource.CHANGE_SOURCE_MANUAL;

/** A record after one manual decision: pure, so previews and replays use it too. */
export function decided(record: FacilityRecord, d: FacilityDecision): FacilityRecord {
  const next: FacilityRecord = { ...record, restrictions: [...record.restrictions], history: [...record.history] };
  const entry = (what: string) => next.history.push({ at: d.decidedAt, what, by: d.decidedBy, reason: d.reason, source: manual });
  if (d.restrictionAdded) {
    next.restrictions.push(d.restrictionAdded);
    entry(`restriction ${d.restrictionAdded.id} added`);
  }
  if (d.restrictionEnded) {
    next.restrictions = next.restrictions.map((r) =>
      r.id === d.restrictionEnded && !r.endedAt ? { ...r, endedAt: d.decidedAt, endedBy: d.decidedBy } : r,
    );
    entry(`restriction ${d.restrictionEnded} ended`);
  }
  if (d.shelter) {
    next.shelterManual = { state: d.shelter, source: manual, reason: d.reason, by: d.decidedBy, at: d.decidedAt, causeEventId: d.eventId };
    entry(`shelter set ${d.shelter === ShelterOperation.SHELTER_OPERATION_OPEN ? "open" : "closed"}`);
  }
  if (d.correction) {
    next.facility = applyCorrection(next.facility, d.correction);
    entry("registry corrected");
  }
  return next;
}
