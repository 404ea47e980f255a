import { FakeClock } from "@crisis/platform";
import { Incident, ModeLevel, type Mode } from "@crisis/platform/contracts";
import { highsSolver } from "../../src/adapters/solver/highs";
import { PostPlanner } from "../../src/app/keep-posts-planned";
import { inputChanges } from "../../src/app/plan-book";
import { quietLogger, serviceLevelEvent, shelterEvent, smallCity, templates } from "../support";

const mode = (incident: Incident, level: ModeLevel): Mode => ({
  incident,
  level,
  wards: [],
  reason: "test",
  declaredBy: "manager",
  declaredAt: "2026-07-28T07:27:00.000Z",
});

const planner = () =>
  new PostPlanner({
    roster: smallCity,
    templates,
    solver: highsSolver(),
    clock: new FakeClock(new Date("2026-07-28T08:00:00Z")),
    logger: quietLogger,
  });

describe("keeping emergency posts planned from what facilities published", () => {
  it("plans each published shelter's posts, its 保健師 round and the call centre, even for a pandemic", async () => {
    const p = planner();
    p.modeChanged(mode(Incident.INCIDENT_PANDEMIC, ModeLevel.MODE_LEVEL_EMERGENCY));
    for (const id of ["k1", "k2", "k3"]) p.shelterChanged(shelterEvent(id, "北区", "2026-07-28T07:28:00Z"));
    await p.settled();
    const summary = p.current();
    expect(summary.shelters.map((s) => [s.facilityId, s.ward, s.posts])).toEqual([
      ["k1", "北区", 3],
      ["k2", "北区", 3],
      ["k3", "北区", 3],
    ]);
    // 3 shelters × 3 shifts, 1 round (day shift), the call centre in 3 shifts.
    expect(summary.posts).toBe(9 + 1 + 3);
    expect(summary.positionsRequired).toBe(3 * 9 + 1 + 3 * 11);
    expect(summary.positionsCovered).toBeGreaterThan(0);
  });

  it("drops a shelter's posts at the next plan once facilities closes it", async () => {
    const p = planner();
    p.modeChanged(mode(Incident.INCIDENT_FLOOD, ModeLevel.MODE_LEVEL_EMERGENCY));
    p.shelterChanged(shelterEvent("a", "東区", "2026-07-28T07:28:00Z"));
    p.shelterChanged(shelterEvent("b", "東区", "2026-07-28T07:28:00Z"));
    await p.settled();
    p.shelterChanged(shelterEvent("a", "東区", "2026-07-28T09:00:00Z", false));
    await p.settled();
    expect(p.current().shelters.map((s) => s.facilityId)).toEqual(["b"]);
  });

  it("ignores an older event that arrives after a newer one for the same shelter", async () => {
    const p = planner();
    p.shelterChanged(shelterEvent("a", "西区", "2026-07-28T09:00:00Z", false));
    p.shelterChanged(shelterEvent("a", "西区", "2026-07-28T07:28:00Z"));
    await p.settled();
    expect(p.current().shelters).toEqual([]);
  });

  it("plans no posts when no mode is in force and no shelter is open", async () => {
    const p = planner();
    await p.replan();
    expect(p.current()).toMatchObject({ posts: 0, positionsRequired: 0, shelters: [] });
  });

  it("adds the counters of a service published at the extended level, for every ward when none is named", async () => {
    const p = planner();
    p.serviceLevelChanged(serviceLevelEvent("risai", "2026-07-28T08:00:00Z"));
    await p.settled();
    // One day-shift counter in each of the five wards, 4 clerks each.
    expect(p.current()).toMatchObject({ posts: 5, positionsRequired: 20 });
  });

  it("rolls forward when a shift ends: the next day's same shift is planned, and an older proposal is out of date", async () => {
    const clock = new FakeClock(new Date("2026-07-28T13:59:00Z"));
    const p = new PostPlanner({ roster: smallCity, templates, solver: highsSolver(), clock, logger: quietLogger });
    p.modeChanged(mode(Incident.INCIDENT_EARTHQUAKE, ModeLevel.MODE_LEVEL_EMERGENCY));
    p.shelterChanged(shelterEvent("a", "東区", "2026-07-28T07:28:00Z"));
    await p.settled();
    const before = p.inputs();
    expect(before.shifts).toEqual(["2026-07-28-evening", "2026-07-28-night", "2026-07-29-day"]);
    expect(p.rollForward()).toBeUndefined();
    // 23:00 in Kumamoto: the evening shift is over.
    clock.advance(60_000);
    await p.rollForward();
    expect(p.inputs().shifts).toEqual(["2026-07-28-night", "2026-07-29-day", "2026-07-29-evening"]);
    expect(p.current().posts).toBe(3 + 1 + 3);
    expect(p.rollForward()).toBeUndefined();
    expect(inputChanges(before, p.inputs())).toBe("shifts ended: 2026-07-28-evening");
  });
});
