import { ChangeSource, Channel, Mode, ServiceLevel, ShelterOperation, sayPlaybookReason } from "@crisis/platform/contracts";
import { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { KeptDecision, Restriction, ServiceLevelDecision } from "@crisis/platform/contracts/facilities";
import { CityBoard } from "./city-board";
import { Condition, FacilityRecord, conditionAt, sameCondition } from "./condition";
import { effectiveLevel, isLevelActive } from "./counter-services";
import { FacilityAction, FacilityLayer, Playbook, ServiceAction, desiredLayer, desiredServiceLevels, inScope } from "./playbook";
import { isActive } from "./restriction";
import { playbookChangeId, statusChange } from "./status-changes";

const playbook = ChangeSource.CHANGE_SOURCE_PLAYBOOK;

export interface FacilityStep {
  before: Condition;
  after: Condition;
  next: FacilityRecord;
  /** To publish: the facility's announced state really changes. */
  change?: FacilityStatusChanged;
  /** Published by this same declaration before a crash: reported, not published again. */
  announcedBefore?: FacilityStatusChanged;
}

export interface ServiceStep {
  serviceId: string;
  serviceName: string;
  channel: Channel;
  before: ServiceLevel;
  after: ServiceLevel;
  next: ServiceLevelDecision[];
  change?: ServiceLevelChanged;
}

/** Everything one declaration does, computed without changing anything: applied as is, or shown as the preview. */
export interface ModePlan {
  facilities: FacilityStep[];
  services: ServiceStep[];
  /** Manual decisions in the declaration's scope that it leaves standing. */
  kept: KeptDecision[];
}

/** A playbook's reasons are recorded in Japanese, said by the one function residents' pages translate them with. */
const recorded = (mode: Mode, reason: { kind: "phrase"; phrase: string } | { kind: "shelterOpened" | "shelterClosed" | "ended" }) =>
  sayPlaybookReason({ ...reason, incident: mode.incident, level: mode.level }, "ja");

const actionKey = (a: { kind: number; reason: string; hours?: string; capacity?: number; parts?: string[] }) =>
  [a.kind, a.reason, a.hours ?? "", a.capacity ?? 0, (a.parts ?? []).join("/")].join("|");

/** The record after the declaration: playbook restrictions it no longer wants end, new ones start; manual ones stay. */
function withLayer(record: FacilityRecord, layer: FacilityLayer, mode: Mode, modeEventId: string, at: string): FacilityRecord | undefined {
  const t = Date.parse(at);
  const reasonOf = (a: FacilityAction) => recorded(mode, { kind: "phrase", phrase: a.reason });
  const wanted = new Map(layer.restrictions.map((a) => [actionKey({ ...a, reason: reasonOf(a) }), a]));
  const current = record.restrictions.filter((r) => r.source === playbook && !r.endedAt && isActive(r, t));
  const currentKeys = new Set(current.map(actionKey));
  const toEnd = new Set(current.filter((r) => !wanted.has(actionKey(r))).map((r) => r.id));
  const toAdd = [...wanted.entries()].filter(([k]) => !currentKeys.has(k)).map(([, a]) => a);
  const shelter = record.shelterPlaybook?.state;
  const openShelter = layer.shelterOpen && shelter !== ShelterOperation.SHELTER_OPERATION_OPEN;
  const closeShelter = !layer.shelterOpen && shelter === ShelterOperation.SHELTER_OPERATION_OPEN;
  if (!toEnd.size && !toAdd.length && !openShelter && !closeShelter) return undefined;

  const id = record.facility.id;
  const history = [...record.history];
  const note = (what: string, reason: string) => history.push({ at, what, by: "playbook", reason, source: playbook });
  const restrictions = record.restrictions.map((r) => {
    if (!toEnd.has(r.id)) return r;
    note(`restriction ${r.id} ended`, recorded(mode, { kind: "ended" }));
    return { ...r, endedAt: at, endedBy: "playbook" };
  });
  toAdd.forEach((a, i) => {
    const added: Restriction = Restriction.fromPartial({
      id: `${modeEventId}.${id}.${i}`,
      facilityId: id,
      kind: a.kind,
      reason: reasonOf(a),
      source: playbook,
      author: "playbook",
      startsAt: at,
      hours: a.hours ?? "",
      capacity: a.capacity ?? 0,
      parts: a.parts ?? [],
      causeEventId: modeEventId,
    });
    restrictions.push(added);
    note(`restriction ${added.id} added`, added.reason);
  });
  let shelterPlaybook = record.shelterPlaybook;
  if (openShelter || closeShelter) {
    const reason = recorded(mode, { kind: openShelter ? "shelterOpened" : "shelterClosed" });
    const state = openShelter ? ShelterOperation.SHELTER_OPERATION_OPEN : ShelterOperation.SHELTER_OPERATION_CLOSED;
    shelterPlaybook = { state, source: playbook, reason, by: "playbook", at, causeEventId: modeEventId };
    note(`shelter set ${openShelter ? "open" : "closed"}`, reason);
  }
  return { ...record, restrictions, shelterPlaybook, history };
}

function keptDecisions(record: FacilityRecord, t: number): KeptDecision[] {
  const f = record.facility;
  const kept: KeptDecision[] = [];
  const m = record.shelterManual;
  if (m)
    kept.push({
      facilityId: f.id,
      facilityName: f.name,
      what: m.state === ShelterOperation.SHELTER_OPERATION_OPEN ? "shelter open" : "shelter closed",
      decidedBy: m.by,
      reason: m.reason,
    });
  for (const r of record.restrictions.filter((x) => x.source === ChangeSource.CHANGE_SOURCE_MANUAL && isActive(x, t)))
    kept.push({ facilityId: f.id, facilityName: f.name, what: `restriction ${r.id}`, decidedBy: r.author, reason: r.reason });
  return kept;
}

const serviceKey = (a: ServiceAction) => `${a.level}|${a.reason}`;

function serviceSteps(board: CityBoard, actions: ServiceAction[], mode: Mode, modeEventId: string, at: string): ServiceStep[] {
  const t = Date.parse(at);
  const steps: ServiceStep[] = [];
  for (const def of board.serviceDefs.values()) {
    for (const channel of def.channels) {
      const wanted = actions
        .filter((a) => a.serviceId === def.id && a.channel === channel)
        .map((a) => ({ ...a, reason: recorded(mode, { kind: "phrase", phrase: a.reason }) }));
      const decisions = board.decisionsOf(def.id, channel);
      const current = decisions.filter((d) => d.source === playbook && !d.endedAt && isLevelActive(d, t));
      const wantedKeys = new Set(wanted.map(serviceKey));
      const currentKeys = new Set(current.map((d) => serviceKey({ ...d, serviceId: d.serviceId, channel })));
      const toEnd = new Set(current.filter((d) => !wantedKeys.has(serviceKey({ ...d, channel }))).map((d) => d.id));
      const toAdd = wanted.filter((a) => !currentKeys.has(serviceKey(a)));
      if (!toEnd.size && !toAdd.length) continue;
      const next = [
        ...decisions.map((d) => (toEnd.has(d.id) ? { ...d, endedAt: at } : d)),
        ...toAdd.map((a) =>
          ServiceLevelDecision.fromPartial({
            id: `${modeEventId}.${def.id}.${channel}`,
            serviceId: def.id,
            channel,
            level: a.level,
            reason: a.reason,
            startsAt: at,
            source: playbook,
            decidedBy: "playbook",
            decidedAt: at,
            causeEventId: modeEventId,
            wards: mode.wards,
          }),
        ),
      ];
      const before = board.announcedLevel(def.id, channel);
      const after = effectiveLevel(next, t);
      const step: ServiceStep = { serviceId: def.id, serviceName: def.name, channel, before, after: after.level, next };
      if (after.level !== before)
        step.change = ServiceLevelChanged.fromPartial({
          eventId: `${modeEventId}.${def.id}.${channel}`,
          serviceId: def.id,
          serviceName: def.name,
          channel,
          previousLevel: before,
          level: after.level,
          reason: after.decision?.reason ?? recorded(mode, { kind: "ended" }),
          startsAt: at,
          source: playbook,
          causeEventId: modeEventId,
          changedAt: at,
          wards: mode.wards,
        });
      steps.push(step);
    }
  }
  return steps;
}

/**
 * What a declaration does to every facility and counter service, by the one rule used both to apply
 * it and to preview it. Facilities out of its wards keep their state; a manual shelter decision
 * outlasts the playbook; a facility whose announced state does not change publishes nothing.
 */
export function planMode(board: CityBoard, pb: Playbook | undefined, mode: Mode, modeEventId: string, now: Date): ModePlan {
  const at = now.toISOString();
  const t = now.getTime();
  const plan: ModePlan = { facilities: [], services: [], kept: [] };
  for (const record of board.records.values()) {
    const f = record.facility;
    // Out of scope, the playbook still withdraws what it did there (a ward-wide stand-down may narrow).
    const layer = desiredLayer(pb, mode, f);
    if (inScope(f, mode)) plan.kept.push(...keptDecisions(record, t));
    const next = withLayer(record, layer, mode, modeEventId, at);
    const announced = board.announcedOf(f.id);
    if (!next) {
      if (announced.lastChange?.causeEventId === modeEventId)
        plan.facilities.push({
          before: announced.condition,
          after: announced.condition,
          next: record,
          announcedBefore: announced.lastChange,
        });
      continue;
    }
    const after = conditionAt(next, t);
    const step: FacilityStep = { before: announced.condition, after, next };
    if (announced.lastChange?.causeEventId === modeEventId && sameCondition(announced.condition, after))
      step.announcedBefore = announced.lastChange;
    else if (!sameCondition(announced.condition, after))
      step.change = statusChange(f, announced.condition, after, {
        eventId: playbookChangeId(modeEventId, f.id),
        causeEventId: modeEventId,
        source: playbook,
        at,
      });
    plan.facilities.push(step);
  }
  plan.services = serviceSteps(board, desiredServiceLevels(pb), mode, modeEventId, at);
  return plan;
}

/** Makes a plan the board's state (after its events are stored). */
export function commitPlan(board: CityBoard, plan: ModePlan, mode: Mode, modeEventId: string): void {
  for (const step of plan.facilities) board.replaceRecord(step.next);
  for (const s of plan.services) board.replaceLevelDecisions(s.serviceId, s.channel, s.next);
  board.current = { mode, modeEventId };
}
