import { Metadata } from "@grpc/grpc-js";
import pino from "pino";
import {
  Backbone,
  FakeClock,
  connectBackbone,
  ensureStreams,
  jetStreamPublisher,
  replaySubject,
  decodeEvent,
  streams,
} from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { ShelterOperation, eventTypes } from "@crisis/platform/contracts";
import { CrowdingChanged, CrowdingLevel, ReportOccupancyRequest, SupplyNeed } from "@crisis/platform/contracts/crowding";
import { CorrectFacilityRequest, SetShelterRequest } from "@crisis/platform/contracts/facilities";
import { correctFacility } from "../../../src/app/correct-facility";
import { oneAtATime } from "../../../src/app/one-at-a-time";
import { CrowdingDeps, FacilitiesDeps } from "../../../src/app/ports";
import { listCrowding, nearestShelters, occupancyHistory } from "../../../src/app/read-crowding";
import { reportOccupancy } from "../../../src/app/report-occupancy";
import { setShelter } from "../../../src/app/set-shelter";
import { replayBoard } from "../../../src/adapters/nats/board-replay";
import { facilitiesServer } from "../../../src/adapters/grpc/facilities-server";
import { replayOccupancy } from "../../../src/adapters/nats/occupancy-replay";
import { jetStreamDecisionLog } from "../../../src/adapters/nats/decision-log";
import { defaultThresholds } from "../../../src/domain/crowding";
import { ShelterOccupancy } from "../../../src/domain/occupancy";
import { newBoard, playbooks, registry } from "../../city";

const logger = pino({ level: "silent" });
const { CROWDING_LEVEL_UNKNOWN, CROWDING_LEVEL_OPEN, CROWDING_LEVEL_CROWDED, CROWDING_LEVEL_FULL } = CrowdingLevel;

describe("occupancy reports and crowding levels on a real nats-server", () => {
  let nats: NatsServerHandle;
  let backbone: Backbone;
  const clock = new FakeClock("2026-07-29T00:00:00Z");
  let ids = 0;
  const settings = { thresholds: defaultThresholds, staleAfterMs: 3 * 3_600_000 };
  const central = registry.filter((f) => f.designatedShelter && f.ward === "中央区" && f.latitude > 0).slice(0, 3);
  const [filling, near, unreported] = central;

  /** A fresh process: the registry, then every decision and report stored, as main.ts does at start. */
  const started = async (): Promise<CrowdingDeps & { facilities: FacilitiesDeps }> => {
    const board = newBoard();
    await replayBoard(backbone, board, playbooks);
    const occupancy = new ShelterOccupancy(board, settings);
    await replayOccupancy(backbone, occupancy);
    const base = { board, clock, newId: () => `id-${++ids}`, exclusive: oneAtATime(), events: jetStreamPublisher(backbone.js) };
    const facilities = { ...base, playbooks, decisions: jetStreamDecisionLog(backbone.js) };
    return { ...base, occupancy, settings, nearestCount: 3, facilities };
  };
  const report = (deps: CrowdingDeps, facilityId: string, headcount: number, needs = {}) =>
    reportOccupancy(deps, ReportOccupancyRequest.fromPartial({ facilityId, headcount, needs, author: "staff-1" }), "corr");
  const changes = async () => {
    const found: CrowdingChanged[] = [];
    await replaySubject(backbone.js, backbone.jsm, streams.shelter.name, eventTypes.crowdingChanged.subject, (msg) =>
      found.push(decodeEvent(eventTypes.crowdingChanged, msg).event),
    );
    return found;
  };

  beforeAll(async () => {
    nats = await startNatsServer();
    backbone = await connectBackbone(nats.url, "crowding-test", logger);
    await ensureStreams(backbone.jsm, [streams.mode, streams.facility, streams.service, streams.shelter, streams.facilitiesDecision]);
    const deps = await started();
    for (const f of central) {
      await setShelter(
        deps.facilities,
        SetShelterRequest.fromPartial({ facilityId: f.id, state: ShelterOperation.SHELTER_OPERATION_OPEN, reason: "地震", author: "m" }),
        "open",
      );
    }
    for (const [f, capacity] of [
      [filling, 100],
      [near, 200],
    ] as const) {
      await correctFacility(
        deps.facilities,
        CorrectFacilityRequest.fromPartial({ facilityId: f.id, correction: { capacity }, author: "admin", reason: "収容人数" }),
        "cap",
      );
    }
  });
  afterAll(async () => {
    await backbone.nc.drain();
    await nats.stop();
  });

  it("shows the capacity a facility_admin set, and unknown where nobody set one", async () => {
    const deps = await started();
    expect(deps.board.record(filling.id)!.facility.capacity).toBe(100);
    expect(deps.board.record(unreported.id)!.facility.capacity).toBeUndefined();
    const res = await report(deps, unreported.id, 40);
    expect(res.shelter!.capacity).toBeUndefined();
    expect(res.shelter!.level).toBe(CROWDING_LEVEL_UNKNOWN);
    expect(res.changed).toBeUndefined();
  });

  it("stores each report as an event and names the nearest shelter with room when one becomes full", async () => {
    const deps = await started();
    await report(deps, near.id, 20, { water: SupplyNeed.SUPPLY_NEED_SHORT, pets: 2 });
    const crowded = await report(deps, filling.id, 80);
    expect(crowded.changed!.level).toBe(CROWDING_LEVEL_CROWDED);
    const full = await report(deps, filling.id, 101);
    expect(full.changed!.previousLevel).toBe(CROWDING_LEVEL_CROWDED);
    expect(full.changed!.level).toBe(CROWDING_LEVEL_FULL);
    expect(full.changed!.nearestWithRoom.map((s) => s.facilityId)).toEqual([near.id]);
    expect(full.changed!.nearestWithRoom[0]).toMatchObject({ level: CROWDING_LEVEL_OPEN, room: 180 });
    expect(full.changed!.nearestWithRoom[0].distanceM).toBeGreaterThan(0);
  });

  it("announces a supply running out once: not again while it stays out, again once it came back and ran out anew", async () => {
    const exhausted = async () => {
      const found: string[] = [];
      await replaySubject(backbone.js, backbone.jsm, streams.shelter.name, eventTypes.suppliesExhausted.subject, (msg) =>
        found.push(decodeEvent(eventTypes.suppliesExhausted, msg).event.eventId),
      );
      return found;
    };
    const deps = await started();
    const { SUPPLY_NEED_OUT: OUT, SUPPLY_NEED_ENOUGH: ENOUGH, SUPPLY_NEED_SHORT: SHORT } = SupplyNeed;
    const before = (await exhausted()).length;
    await report(deps, unreported.id, 30, { water: SHORT });
    expect(await exhausted()).toHaveLength(before);
    const ranOut = await report(deps, unreported.id, 30, { water: OUT });
    expect(await exhausted()).toHaveLength(before + 1);
    expect(ranOut.shelter!.latest!.needs!.water).toBe(OUT);
    await report(deps, unreported.id, 31, { water: OUT });
    // A restart reads the reports again: water was already out.
    await report(await started(), unreported.id, 31, { water: OUT, food: ENOUGH });
    expect(await exhausted()).toHaveLength(before + 1);
    await report(deps, unreported.id, 31, { water: ENOUGH });
    await report(deps, unreported.id, 31, { water: OUT });
    expect(await exhausted()).toHaveLength(before + 2);
  });

  it("announces supplies back once a report says they are there again, not while they stay out or a report says nothing of them", async () => {
    const restored = async () => {
      const found: string[] = [];
      await replaySubject(backbone.js, backbone.jsm, streams.shelter.name, eventTypes.suppliesRestored.subject, (msg) =>
        found.push(decodeEvent(eventTypes.suppliesRestored, msg).event.eventId),
      );
      return found;
    };
    const deps = await started();
    const { SUPPLY_NEED_OUT: OUT, SUPPLY_NEED_SHORT: SHORT, SUPPLY_NEED_UNSPECIFIED: UNSAID } = SupplyNeed;
    await report(deps, unreported.id, 31, { water: OUT, food: OUT, blankets: OUT });
    const before = await restored();
    await report(deps, unreported.id, 31, { water: OUT, food: OUT, blankets: UNSAID });
    expect(await restored()).toEqual(before);
    const back = await report(deps, unreported.id, 31, { water: SHORT, food: OUT });
    expect(await restored()).toEqual([...before, back.shelter!.latest!.eventId]);
    // A restart reads the reports again: water is already back.
    await report(await started(), unreported.id, 31, { water: SHORT, food: OUT });
    expect(await restored()).toHaveLength(before.length + 1);
  });

  it("does not announce again while reports hover around capacity, and a restart keeps the level", async () => {
    const before = (await changes()).length;
    let deps = await started();
    await report(deps, filling.id, 98);
    deps = await started();
    expect(deps.occupancy.levelOf(filling.id)).toBe(CROWDING_LEVEL_FULL);
    await report(deps, filling.id, 100);
    await report(deps, filling.id, 97);
    expect((await changes()).length).toBe(before);
  });

  it("marks a report stale after the set time and stops counting it as room", async () => {
    const deps = await started();
    expect(
      nearestShelters(deps, { latitude: near.latitude, longitude: near.longitude, limit: 5 }).shelters.map((s) => s.facilityId),
    ).toEqual([near.id]);
    clock.advance(3 * 3_600_000 + 1_000);
    const listed = listCrowding(deps, { ward: "中央区" });
    const nearView = listed.shelters.find((s) => s.facilityId === near.id)!;
    expect(nearView.stale).toBe(true);
    expect(nearView.ageSeconds).toBeGreaterThanOrEqual(3 * 3600);
    expect(nearView.latest!.needs!.water).toBe(SupplyNeed.SUPPLY_NEED_SHORT);
    expect(nearestShelters(deps, { latitude: near.latitude, longitude: near.longitude, limit: 5 }).shelters).toEqual([]);
    expect(listed.wards[0]).toMatchObject({ ward: "中央区", full: 0 });
  });

  it("refuses a report for a shelter that is not open, or with a bad headcount, and stores nothing", async () => {
    const deps = await started();
    const closed = registry.find((f) => f.designatedShelter && f.ward === "北区")!;
    const stored = (await backbone.jsm.streams.info(streams.shelter.name)).state.messages;
    await expect(report(deps, closed.id, 3)).rejects.toMatchObject({ code: "SHELTER_NOT_OPEN", status: 409 });
    await expect(report(deps, filling.id, -1)).rejects.toMatchObject({ code: "HEADCOUNT_INVALID", field: "headcount" });
    await expect(report(deps, filling.id, 3, { pets: 1.5 })).rejects.toMatchObject({ field: "needs.pets" });
    // Named as the API spells it, since the gateway passes this refusal on as it is.
    await expect(report(deps, filling.id, 3, { welfareSpace: -1 })).rejects.toMatchObject({ field: "needs.welfareSpace" });
    await expect(report(deps, "no-such", 3)).rejects.toMatchObject({ code: "FACILITY_NOT_FOUND" });
    expect((await backbone.jsm.streams.info(streams.shelter.name)).state.messages).toBe(stored);
  });

  it("re-rates a shelter when its capacity changes through the gRPC handler, and announces the new level at once", async () => {
    const deps = await started();
    await report(deps, near.id, 20);
    const before = (await changes()).length;
    const server = facilitiesServer(deps.facilities, logger, deps);
    const correct = (capacity: number) =>
      new Promise((resolve, reject) =>
        server.correctFacility(
          {
            request: CorrectFacilityRequest.fromPartial({
              facilityId: near.id,
              correction: { capacity },
              author: "admin",
              reason: "収容人数",
            }),
            metadata: new Metadata(),
          } as never,
          (err, res) => (err ? reject(new Error(`correctFacility refused: ${err.details ?? err.code}`)) : resolve(res)),
        ),
      );
    await correct(25);
    const found = (await changes()).slice(before);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      facilityId: near.id,
      previousLevel: CROWDING_LEVEL_OPEN,
      level: CROWDING_LEVEL_CROWDED,
      headcount: 20,
      capacity: 25,
    });
    expect(found[0].changedAt).toBe(clock.now().toISOString());
    expect(listCrowding(deps, { ward: "中央区" }).shelters.find((s) => s.facilityId === near.id)!.level).toBe(CROWDING_LEVEL_CROWDED);
    // The same capacity again changes nothing and announces nothing.
    await correct(25);
    expect((await changes()).slice(before)).toHaveLength(1);
  });

  it("lists a shelter's closing beside its reports, so the hourly history stops counting it there, also after a restart", async () => {
    let deps = await started();
    clock.advance(30 * 60_000);
    await setShelter(
      deps.facilities,
      SetShelterRequest.fromPartial({ facilityId: near.id, state: ShelterOperation.SHELTER_OPERATION_CLOSED, reason: "統合", author: "m" }),
      "close",
    );
    const closedAt = clock.now().toISOString();
    expect(occupancyHistory(deps, { facilityId: near.id, ward: "" }).closings).toEqual([{ facilityId: near.id, ward: "中央区", closedAt }]);
    deps = await started();
    expect(occupancyHistory(deps, { facilityId: near.id, ward: "" }).closings).toEqual([{ facilityId: near.id, ward: "中央区", closedAt }]);
    expect(occupancyHistory(deps, { facilityId: filling.id, ward: "" }).closings).toEqual([]);
  });
});
