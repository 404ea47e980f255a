import pino from "pino";
import { Backbone, FakeClock, connectBackbone, ensureStreams, jetStreamPublisher, streams } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { FacilityUse, ModeLevel, ShelterOperation, eventTypes } from "@crisis/platform/contracts";
import { AddRestrictionRequest, CorrectFacilityRequest, SetShelterRequest } from "@crisis/platform/contracts/facilities";
import { addRestriction } from "../../../src/app/add-restriction";
import { applyPlaybook } from "../../../src/app/apply-playbook";
import { correctFacility } from "../../../src/app/correct-facility";
import { oneAtATime } from "../../../src/app/one-at-a-time";
import { FacilitiesDeps } from "../../../src/app/ports";
import { Scheduler } from "../../../src/app/run-schedule";
import { setShelter } from "../../../src/app/set-shelter";
import { replayBoard } from "../../../src/adapters/nats/board-replay";
import { jetStreamDecisionLog } from "../../../src/adapters/nats/decision-log";
import { CityBoard } from "../../../src/domain/city-board";
import { mode, newBoard, playbooks, registry } from "../../city";

const logger = pino({ level: "silent" });

describe("the facilities service's NATS adapters on a real nats-server", () => {
  let nats: NatsServerHandle;
  let backbone: Backbone;
  const clock = new FakeClock("2026-07-28T07:40:00Z");
  let ids = 0;

  const depsWith = (board: CityBoard): FacilitiesDeps => ({
    board,
    playbooks,
    events: jetStreamPublisher(backbone.js),
    decisions: jetStreamDecisionLog(backbone.js),
    clock,
    newId: () => `id-${++ids}`,
    exclusive: oneAtATime(),
  });
  /** A fresh process: the registry, then everything stored, as main.ts does at start. */
  const restarted = async () => {
    const board = newBoard();
    await replayBoard(backbone, board, playbooks);
    return depsWith(board);
  };
  const stored = async (subject: string) => {
    const info = await backbone.jsm.streams.info(subject.startsWith("crisis.service") ? streams.service.name : streams.facility.name, {
      subjects_filter: subject,
    });
    return Object.values(info.state.subjects ?? {}).reduce((a, b) => a + b, 0);
  };
  const shelter = registry.find((f) => f.designatedShelter && f.ward === "西区")!;
  const library = "lib:JP-1003025";

  beforeAll(async () => {
    nats = await startNatsServer();
    backbone = await connectBackbone(nats.url, "facilities-test", logger);
    await ensureStreams(backbone.jsm, [streams.mode, streams.facility, streams.service, streams.facilitiesDecision]);
  });
  afterAll(async () => {
    await backbone.nc.drain();
    await nats.stop();
  });

  it("stores one status event per facility that changes, the service levels and the batch, and nothing more when the declaration is redelivered", async () => {
    const deps = depsWith(newBoard());
    const declared = {
      eventId: "mode-1",
      mode: mode("earthquake", "emergency", [], "2026-07-28T07:40:00Z"),
      previousLevel: ModeLevel.MODE_LEVEL_NORMAL,
    };
    await applyPlaybook(deps, declared, "c1", logger);
    expect(await stored(eventTypes.facilityStatusChanged.subject)).toBe(213);
    expect(await stored(eventTypes.playbookApplied.subject)).toBe(1);
    const levels = await stored(eventTypes.serviceLevelChanged.subject);
    expect(levels).toBeGreaterThanOrEqual(10);
    await applyPlaybook(await restarted(), declared, "c1", logger);
    expect(await stored(eventTypes.facilityStatusChanged.subject)).toBe(213);
    expect(await stored(eventTypes.serviceLevelChanged.subject)).toBe(levels);
  });

  it("closes one shelter once: the same state again stores and publishes nothing", async () => {
    const deps = await restarted();
    const req = SetShelterRequest.fromPartial({
      facilityId: shelter.id,
      state: ShelterOperation.SHELTER_OPERATION_CLOSED,
      reason: "余震で天井材が落下",
      author: "staff-3",
    });
    const first = await setShelter(deps, req, "c2");
    expect(first.changed).toBe(true);
    expect(first.facility?.shelter).toBe(ShelterOperation.SHELTER_OPERATION_CLOSED);
    const events = await stored(eventTypes.facilityStatusChanged.subject);
    const again = await setShelter(deps, req, "c3");
    expect(again.changed).toBe(false);
    expect(await stored(eventTypes.facilityStatusChanged.subject)).toBe(events);
  });

  it("after a restart the board is what it was: the staff's closure stands and the libraries stay closed", async () => {
    const deps = await restarted();
    const t = clock.now().getTime();
    expect(deps.board.conditionAt(shelter.id, t).shelter).toBe(ShelterOperation.SHELTER_OPERATION_CLOSED);
    expect(deps.board.conditionAt(library, t).use).toBe(FacilityUse.FACILITY_USE_CLOSED);
    expect(deps.board.announcedOf(shelter.id).condition.shelter).toBe(ShelterOperation.SHELTER_OPERATION_CLOSED);
  });

  it("refuses a writer that read an older state of the facility (409 DECISION_CONFLICT), storing nothing", async () => {
    const a = await restarted();
    const b = await restarted();
    const req = (author: string) =>
      AddRestrictionRequest.fromPartial({
        facilityId: library,
        kind: FacilityUse.FACILITY_USE_PARTLY_CLOSED,
        reason: "書架の転倒",
        parts: ["2階"],
        author,
      });
    await addRestriction(a, req("a"), "c4");
    const err = await addRestriction(b, req("b"), "c5").catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "DECISION_CONFLICT", status: 409 });
    const fresh = await restarted();
    expect(
      fresh.board
        .record(library)!
        .restrictions.filter((r) => r.reason === "書架の転倒")
        .map((r) => r.author),
    ).toEqual(["a"]);
  });

  it("opens and closes a future window on the minute ticks, announcing it when decided, and a restart mid-window publishes nothing twice", async () => {
    const deps = await restarted();
    const office = registry.find((f) => f.name === "北区役所")!;
    const scheduled = await stored(eventTypes.restrictionScheduled.subject);
    await addRestriction(
      deps,
      AddRestrictionRequest.fromPartial({
        facilityId: office.id,
        kind: FacilityUse.FACILITY_USE_REDUCED_HOURS,
        reason: "窓口時間短縮",
        hours: "09:00-15:00",
        author: "m",
        startsAt: "2026-07-29T09:00:00+09:00",
        endsAt: "2026-07-30T09:00:00+09:00",
      }),
      "c6",
    );
    expect(await stored(eventTypes.restrictionScheduled.subject)).toBe(scheduled + 1);
    const scheduler = new Scheduler(deps);
    expect(await scheduler.tick()).toBe(0);
    const before = await stored(eventTypes.facilityStatusChanged.subject);
    clock.set("2026-07-29T00:01:00Z");
    expect(await scheduler.tick()).toBe(1);
    expect(await stored(eventTypes.facilityStatusChanged.subject)).toBe(before + 1);
    const afterRestart = await restarted();
    expect(await new Scheduler(afterRestart).tick()).toBe(0);
    expect(await stored(eventTypes.facilityStatusChanged.subject)).toBe(before + 1);
    clock.set("2026-07-30T00:00:30Z");
    expect(await new Scheduler(afterRestart).tick()).toBe(1);
    expect(afterRestart.board.announcedOf(office.id).condition.use).toBe(FacilityUse.FACILITY_USE_OPEN);
  });

  it("a registry correction of an open shelter is its own event and never re-announces the opening", async () => {
    const deps = await restarted();
    const open = registry.find((f) => f.designatedShelter && f.ward === "南区")!;
    const statuses = await stored(eventTypes.facilityStatusChanged.subject);
    const res = await correctFacility(
      deps,
      CorrectFacilityRequest.fromPartial({
        facilityId: open.id,
        correction: { address: "熊本県熊本市南区 (訂正)" },
        author: "admin",
        reason: "住所の誤り",
      }),
      "c7",
    );
    expect(res.fields).toEqual(["address"]);
    expect(await stored(eventTypes.facilityCorrected.subject)).toBe(1);
    expect(await stored(eventTypes.facilityStatusChanged.subject)).toBe(statuses);
    expect((await restarted()).board.record(open.id)!.facility.address).toBe("熊本県熊本市南区 (訂正)");
  });
});
