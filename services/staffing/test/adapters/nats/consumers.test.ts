import { publishEvent, streams, waitUntil } from "@crisis/platform";
import { eventTypes, Incident, ModeLevel } from "@crisis/platform/contracts";
import { ModeChanged } from "@crisis/platform/contracts/events";
import { backboneForSuite } from "@crisis/platform/testing";
import { consumeModeChanges } from "../../../src/adapters/nats/mode-consumer";
import { followCounters, followShelters } from "../../../src/adapters/nats/planner-inputs";
import { highsSolver } from "../../../src/adapters/solver/highs";
import { PostPlanner } from "../../../src/app/keep-posts-planned";
import { quietLogger, serviceLevelEvent, shelterEvent, smallCity, templates } from "../../support";
import { FakeClock } from "@crisis/platform";

describe("staffing's consumers on a real nats-server", () => {
  const nats = backboneForSuite("staffing-test", [streams.mode, streams.facility, streams.service], { logger: quietLogger });
  const solver = highsSolver();
  const planner = () =>
    new PostPlanner({ roster: smallCity, templates, solver, clock: new FakeClock(new Date("2026-07-28T08:00:00Z")), logger: quietLogger });
  const publishShelter = (id: string, open = true, at = "2026-07-28T07:28:00Z") =>
    publishEvent(nats.backbone.js, eventTypes.facilityStatusChanged, shelterEvent(id, "南区", at, open), {
      eventId: `${id}-${open}-${at}`,
      correlationId: "test",
    });

  it("follows shelters opening and closing as facilities publishes them, and the mode in force", async () => {
    const p = planner();
    const { consumer: shelters } = await followShelters(nats.backbone, p, quietLogger);
    const modes = await consumeModeChanges(nats.backbone, p, quietLogger);
    try {
      await publishEvent(
        nats.backbone.js,
        eventTypes.modeChanged,
        ModeChanged.fromPartial({
          eventId: "mode-1",
          mode: {
            incident: Incident.INCIDENT_EARTHQUAKE,
            level: ModeLevel.MODE_LEVEL_EMERGENCY,
            wards: ["南区"],
            declaredAt: "2026-07-28T07:27:00Z",
          },
        }),
        { eventId: "mode-1", correlationId: "test" },
      );
      for (const id of ["m1", "m2", "m3"]) await publishShelter(id);
      await waitUntil(
        () => p.current().shelters.length === 3 && p.current().mode?.level === ModeLevel.MODE_LEVEL_EMERGENCY,
        "three shelters planned",
      );
      await publishShelter("m2", false, "2026-07-28T10:00:00Z");
      const after = await waitUntil(() => (p.current().shelters.length === 2 ? p.current() : undefined), "closed shelter dropped");
      expect(after.shelters.map((s) => s.facilityId)).toEqual(["m1", "m3"]);
      // 2 shelters × 3 shifts + 1 round + call centre × 3.
      expect(after.posts).toBe(6 + 1 + 3);
    } finally {
      await shelters.stop();
      await modes.stop();
    }
  });

  it("rebuilds the open shelters from the stream at start, before any new event", async () => {
    const p = planner();
    const { replayed, consumer } = await followShelters(nats.backbone, p, quietLogger);
    await consumer.stop();
    expect(replayed).toBeGreaterThanOrEqual(4);
    await p.replan();
    expect(p.current().shelters.map((s) => s.facilityId)).toEqual(["m1", "m3"]);
  });

  it("follows counter services at the extended level, and rebuilds them from the stream at start", async () => {
    const p = planner();
    const { consumer: counters } = await followCounters(nats.backbone, p, quietLogger);
    try {
      await publishEvent(
        nats.backbone.js,
        eventTypes.serviceLevelChanged,
        serviceLevelEvent("risai", "2026-07-28T08:00:00Z", true, ["西区"]),
        {
          eventId: "risai-1",
          correlationId: "test",
        },
      );
      await waitUntil(() => p.current().posts === 1, "the extended counter planned");
    } finally {
      await counters.stop();
    }
    const restarted = planner();
    const again = await followCounters(nats.backbone, restarted, quietLogger);
    await again.consumer.stop();
    expect(again.replayed).toBe(1);
    await restarted.replan();
    expect(restarted.current()).toMatchObject({ posts: 1, positionsRequired: 4 });
  });
});
