import {
  ChangeSource,
  FacilityUse,
  Incident,
  ModeLevel,
  ShelterOperation,
  categories,
  eventTypes,
  wards,
} from "@crisis/platform/contracts";
import { Restriction } from "@crisis/platform/contracts/facilities";
import { FakeClock } from "@crisis/platform";
import { oneAtATime } from "../../services/facilities/src/app/one-at-a-time";
import { FacilitiesDeps } from "../../services/facilities/src/app/ports";
import { Scheduler } from "../../services/facilities/src/app/run-schedule";
import { CityBoard } from "../../services/facilities/src/domain/city-board";
import { Condition, FacilityRecord, combinedStatus, conditionAt, sameCondition } from "../../services/facilities/src/domain/condition";
import { Facility } from "../../services/facilities/src/domain/facility";
import { planMode } from "../../services/facilities/src/domain/mode-plan";
import { Playbook, desiredLayer, toPlaybook } from "../../services/facilities/src/domain/playbook";
import { effectiveUse } from "../../services/facilities/src/domain/restriction";

const FACILITIES = 10_000;
const RESTRICTIONS = 30_000;
const START = Date.parse("2026-08-01T00:00:00Z");
const DAY = 86_400_000;

/** A fixed-seed generator (mulberry32), so every run measures the same city. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function city() {
  const rnd = random(20260728);
  const facilities: Facility[] = Array.from({ length: FACILITIES }, (_, i) => ({
    id: `f${i}`,
    name: `施設${i}`,
    category: categories[i % categories.length],
    ward: wards[i % wards.length],
    address: "",
    latitude: 32.8,
    longitude: 130.7,
    designatedShelter: i % 3 === 0,
    canShelter: i % 3 === 0,
    ids: {},
  }));
  const kinds = [
    FacilityUse.FACILITY_USE_REDUCED_HOURS,
    FacilityUse.FACILITY_USE_CAPACITY_LIMITED,
    FacilityUse.FACILITY_USE_RESERVATION_ONLY,
    FacilityUse.FACILITY_USE_PARTLY_CLOSED,
    FacilityUse.FACILITY_USE_CLOSED,
  ];
  const restrictions: Restriction[] = Array.from({ length: RESTRICTIONS }, (_, i) => {
    // Windows start on the minute within a month and last from an hour to ten days (a third open-ended).
    const start = START + Math.floor(rnd() * 30 * 24 * 60) * 60_000;
    const end = rnd() < 0.33 ? "" : new Date(start + (1 + Math.floor(rnd() * 240)) * 3_600_000).toISOString();
    return Restriction.fromPartial({
      id: `r${i}`,
      facilityId: `f${Math.floor(rnd() * FACILITIES)}`,
      kind: kinds[Math.floor(rnd() * kinds.length)],
      reason: `reason ${i % 50}`,
      source: ChangeSource.CHANGE_SOURCE_MANUAL,
      startsAt: new Date(start).toISOString(),
      endsAt: end,
    });
  });
  return { facilities, restrictions };
}

/** The baseline: every restriction re-evaluated for every facility. */
function naiveCondition(f: Facility, all: Restriction[], record: FacilityRecord, t: number): Condition {
  const mine: Restriction[] = [];
  for (const r of all) if (r.facilityId === f.id) mine.push(r);
  const { use, reasons } = effectiveUse(mine, t);
  const decision = record.shelterManual ?? record.shelterPlaybook;
  const shelter = f.canShelter
    ? (decision?.state ?? ShelterOperation.SHELTER_OPERATION_NOT_OPENED)
    : ShelterOperation.SHELTER_OPERATION_UNSPECIFIED;
  return { use, shelter, status: combinedStatus(use, shelter), reasons };
}

function timed<T>(work: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = work();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

const playbook: Playbook = toPlaybook(
  {
    incident: "earthquake",
    level: "emergency",
    rules: [
      { select: { tag: ["designated_shelter"] }, shelter: "open" },
      { select: { category: ["library", "museum"] }, restriction: { kind: "closed", reason: "臨時休館" } },
      { select: { category: ["sports", "culture"] }, restriction: { kind: "capacity_limited", reason: "定員制限", capacity: 100 } },
    ],
  },
  "bench.yaml",
);

/** 10,000 facilities × 30,000 restrictions: effective state at t, one scheduler tick, a city-wide preview; each against the naive baseline. */
export async function run(): Promise<void> {
  const { facilities, restrictions } = city();
  const board = new CityBoard(facilities);
  const byFacility = new Map<string, Restriction[]>();
  for (const r of restrictions) byFacility.set(r.facilityId, [...(byFacility.get(r.facilityId) ?? []), r]);
  for (const [id, list] of byFacility) board.replaceRecord({ ...board.record(id)!, restrictions: list });
  const t = START + 15 * DAY + 7 * 60_000;

  // 1. Every facility's effective state at t.
  const [ours, oursMs] = timed(() => facilities.map((f) => conditionAt(board.record(f.id)!, t)));
  const [naive, naiveMs] = timed(() => facilities.map((f) => naiveCondition(f, restrictions, board.record(f.id)!, t)));
  const statesAgree = ours.every((c, i) => sameCondition(c, naive[i]));

  // 2. One minute's tick: announce the state at t, then move one minute on.
  const clock = new FakeClock(new Date(t));
  let published = 0;
  // Counts the status changes; the tick itself puts each on the board once published.
  const events: FacilitiesDeps["events"] = {
    async publish(type) {
      if (type.subject === eventTypes.facilityStatusChanged.subject) published++;
    },
  };
  const deps: FacilitiesDeps = {
    board,
    playbooks: [],
    events,
    decisions: { record: async () => 0 },
    clock,
    newId: () => "x",
    exclusive: oneAtATime(),
  };
  const scheduler = new Scheduler(deps);
  const [, primeMs] = await timedAsync(() => scheduler.tick());
  const boundaryMinute = (() => {
    // The busiest minute after t, so the tick has work to do.
    const counts = new Map<number, number>();
    for (const r of restrictions)
      for (const b of [Date.parse(r.startsAt), r.endsAt ? Date.parse(r.endsAt) : NaN]) if (b > t) counts.set(b, (counts.get(b) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? t + 60_000;
  })();
  // Catch up to the minute before, so the measured tick is one minute's work.
  clock.set(new Date(boundaryMinute - 60_000));
  await scheduler.tick();
  const expected = facilities.filter(
    (f) => !sameCondition(board.announcedOf(f.id).condition, naiveCondition(f, restrictions, board.record(f.id)!, boundaryMinute)),
  ).length;
  clock.set(new Date(boundaryMinute));
  published = 0;
  const [, tickMs] = await timedAsync(() => scheduler.tick());
  const tickChanges = published;
  const [naiveTick, naiveTickMs] = timed(
    () =>
      facilities.filter(
        (f) => !sameCondition(board.announcedOf(f.id).condition, naiveCondition(f, restrictions, board.record(f.id)!, boundaryMinute)),
      ).length,
  );

  // 3. The preview of a city-wide playbook.
  const mode = {
    incident: Incident.INCIDENT_EARTHQUAKE,
    level: ModeLevel.MODE_LEVEL_EMERGENCY,
    wards: [],
    reason: "",
    declaredBy: "",
    declaredAt: "",
  };
  const now = new Date(boundaryMinute);
  const [plan, previewMs] = timed(() => planMode(board, playbook, mode, "bench", now));
  const previewChanges = plan.facilities.filter((s) => s.change).length;
  const [naivePreview, naivePreviewMs] = timed(() => {
    let changes = 0;
    for (const f of facilities) {
      const record = board.record(f.id)!;
      const layer = desiredLayer(playbook, mode, f);
      const extra = layer.restrictions.map((a, i) =>
        Restriction.fromPartial({ id: `p${i}`, facilityId: f.id, kind: a.kind, reason: a.reason, startsAt: now.toISOString() }),
      );
      const after = naiveCondition(
        f,
        [...restrictions, ...extra],
        {
          ...record,
          shelterPlaybook: layer.shelterOpen
            ? { state: ShelterOperation.SHELTER_OPERATION_OPEN, source: 1, reason: "", by: "", at: "", causeEventId: "" }
            : record.shelterPlaybook,
        },
        now.getTime(),
      );
      if (!sameCondition(board.announcedOf(f.id).condition, after)) changes++;
    }
    return changes;
  });

  const rows: [string, string, string, string][] = [
    ["effective state of every facility at t", `${oursMs.toFixed(1)} ms`, `${naiveMs.toFixed(1)} ms`, (naiveMs / oursMs).toFixed(0)],
    [
      `one tick (${tickChanges} changes; index built in ${primeMs.toFixed(0)} ms at start)`,
      `${tickMs.toFixed(2)} ms`,
      `${naiveTickMs.toFixed(1)} ms`,
      (naiveTickMs / tickMs).toFixed(0),
    ],
    [
      `preview, city-wide playbook (${previewChanges} changes)`,
      `${previewMs.toFixed(1)} ms`,
      `${naivePreviewMs.toFixed(1)} ms`,
      (naivePreviewMs / previewMs).toFixed(0),
    ],
  ];
  const agree = statesAgree && tickChanges === expected && naiveTick === 0 && naivePreview === previewChanges;
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(
    `\nfacilities — ${FACILITIES} facilities × ${RESTRICTIONS} restrictions, seed fixed; baseline re-evaluates every restriction for every facility\n`,
  );
  console.log(`${"".padEnd(width)}  ${"ours".padStart(10)}  ${"naive".padStart(10)}  ratio`);
  for (const [k, a, b, r] of rows) console.log(`${k.padEnd(width)}  ${a.padStart(10)}  ${b.padStart(10)}  ${r}`);
  console.log(`results agree with the baseline: ${agree ? "yes" : "NO"}`);
  console.log(
    JSON.stringify({
      bench: "facilities",
      facilities: FACILITIES,
      restrictions: RESTRICTIONS,
      states_ms: +oursMs.toFixed(2),
      states_naive_ms: +naiveMs.toFixed(2),
      tick_ms: +tickMs.toFixed(3),
      tick_naive_ms: +naiveTickMs.toFixed(2),
      tick_changes: tickChanges,
      index_build_ms: +primeMs.toFixed(1),
      preview_ms: +previewMs.toFixed(2),
      preview_naive_ms: +naivePreviewMs.toFixed(2),
      preview_changes: previewChanges,
      agree,
      ratio: +((naiveMs + naiveTickMs + naivePreviewMs) / (oursMs + tickMs + previewMs)).toFixed(1),
      ratio_states: +(naiveMs / oursMs).toFixed(1),
      ratio_tick: +(naiveTickMs / tickMs).toFixed(1),
      ratio_preview: +(naivePreviewMs / previewMs).toFixed(1),
    }),
  );
}
