import pino from "pino";
import { Backbone, FakeClock, connectBackbone, ensureStreams, jetStreamPublisher, publishEvent, streams } from "@crisis/platform";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { ModeLevel, eventTypes } from "@crisis/platform/contracts";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { applyPlaybook, finishDeclarations } from "../../../src/app/apply-playbook";
import { oneAtATime } from "../../../src/app/one-at-a-time";
import { FacilitiesDeps } from "../../../src/app/ports";
import { Scheduler } from "../../../src/app/run-schedule";
import { replayBoard } from "../../../src/adapters/nats/board-replay";
import { jetStreamDecisionLog } from "../../../src/adapters/nats/decision-log";
import { unfinishedDeclarations } from "../../../src/adapters/nats/unfinished-declarations";
import { CityBoard } from "../../../src/domain/city-board";
import { sameCondition } from "../../../src/domain/condition";
import { mode, newBoard, playbooks } from "../../city";

const logger = pino({ level: "silent" });

describe("a facilities take-over after the active instance died in the middle of a stand-down", () => {
  let nats: NatsServerHandle;
  let backbone: Backbone;
  const clock = new FakeClock("2026-07-28T09:00:00Z");

  /** An instance whose status publishes stop (it died) after `alive` of them. */
  const instance = (board: CityBoard, alive = Infinity): FacilitiesDeps => {
    const events = jetStreamPublisher(backbone.js);
    let published = 0;
    return {
      board,
      playbooks,
      clock,
      newId: () => "unused",
      exclusive: oneAtATime(),
      decisions: jetStreamDecisionLog(backbone.js),
      events: {
        async publish(type, event, ids) {
          if (type.subject === eventTypes.facilityStatusChanged.subject && ++published > alive) throw new Error("the instance died");
          await events.publish(type, event, ids);
        },
      },
    };
  };
  const replayed = async () => {
    const board = newBoard();
    await replayBoard(backbone, board, playbooks);
    return board;
  };
  const declare = async (declared: ModeChanged) => {
    await publishEvent(backbone.js, eventTypes.modeChanged, declared, { eventId: declared.eventId, correlationId: declared.eventId });
    return declared;
  };
  const stored = async () => (await backbone.jsm.streams.info(streams.facility.name, { subjects_filter: ">" })).state.subjects;

  beforeAll(async () => {
    nats = await startNatsServer();
    backbone = await connectBackbone(nats.url, "facilities-take-over-test", logger);
    await ensureStreams(backbone.jsm, [streams.mode, streams.facility, streams.service, streams.facilitiesDecision]);
  });
  afterAll(async () => {
    await backbone.nc.drain();
    await nats.stop();
  });

  it("finishes the stand-down before its first schedule tick: 213 + 213 changes stored, none undone by the tick", async () => {
    const emergency = await declare({
      eventId: "mode-emergency",
      mode: mode("earthquake", "emergency", [], "2026-07-28T07:40:00Z"),
      previousLevel: ModeLevel.MODE_LEVEL_NORMAL,
    });
    await applyPlaybook(instance(newBoard()), emergency, "c1", logger);
    const standDown = await declare({
      eventId: "mode-stand-down",
      mode: mode("earthquake", "normal", [], "2026-07-28T08:55:00Z"),
      previousLevel: ModeLevel.MODE_LEVEL_EMERGENCY,
    });
    // Schools (shelters closed as schools) are among the first 30: their restriction windows are what a tick looks at.
    await expect(applyPlaybook(instance(await replayed(), 30), standDown, "c2", logger)).rejects.toThrow("died");

    const board = await replayed();
    const standby = instance(board);
    const unfinished = await unfinishedDeclarations(backbone, board.current?.modeEventId);
    expect(unfinished.map((u) => u.declared.eventId)).toEqual(["mode-stand-down"]);
    expect(await finishDeclarations(standby, unfinished, logger)).toBe(1);
    expect(await new Scheduler(standby).tick()).toBe(0);
    // The consumer hands the dead instance's message over after its ack wait: nothing more.
    await applyPlaybook(standby, standDown, "c2", logger);
    expect(await stored()).toEqual({
      [eventTypes.facilityStatusChanged.subject]: 2 * 213,
      [eventTypes.playbookApplied.subject]: 2,
    });
    const t = clock.now().getTime();
    // What is announced is what the board holds, and what a clean stand-down leaves.
    const clean = newBoard();
    const fresh = instance(clean);
    await applyPlaybook(fresh, emergency, "c1", logger);
    await applyPlaybook(fresh, standDown, "c2", logger);
    const differs = [...board.records.keys()].filter(
      (id) =>
        !sameCondition(board.announcedOf(id).condition, board.conditionAt(id, t)) ||
        !sameCondition(board.announcedOf(id).condition, clean.announcedOf(id).condition),
    );
    expect(differs).toEqual([]);
    expect(await unfinishedDeclarations(backbone, (await replayed()).current?.modeEventId)).toEqual([]);
  });
});
