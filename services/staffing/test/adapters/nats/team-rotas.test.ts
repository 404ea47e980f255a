import { FakeClock, jetStreamPublisher, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import type { StaffRotaChanged } from "@crisis/platform/contracts/events";
import { backboneForSuite } from "@crisis/platform/testing";
import { kvDutyBook, type WatchedDutyBook } from "../../../src/adapters/nats/duty-book";
import { kvPlanStore } from "../../../src/adapters/nats/plan-store";
import { kvTeamStore } from "../../../src/adapters/nats/team-store";
import { highsSolver } from "../../../src/adapters/solver/highs";
import { applyStaffingPlan } from "../../../src/app/apply-staffing-plan";
import { PostPlanner } from "../../../src/app/keep-posts-planned";
import { PlanBook } from "../../../src/app/plan-book";
import { proposeStaffingPlan } from "../../../src/app/propose-staffing-plan";
import { declareTeamOut, endTeamOut, planTeams, readMyTeam, readTeams, type TeamDeps } from "../../../src/app/team-rotas";
import { checkSplit, myOfficeDays, replanPositions, type Assignment } from "../../../src/domain";
import { cityTeams } from "../../../src/fixtures";
import { eastEmergency, quietLogger, shelterEvent, smallCity, storedOn, templates } from "../../support";

describe("continuity teams on a real nats-server", () => {
  const stopping: WatchedDutyBook[] = [];
  const nats = backboneForSuite("team-rotas-test", [streams.staff], {
    logger: quietLogger,
    timeoutMs: 60_000,
    beforeStop: () => stopping.forEach((d) => d.stop()),
  });
  const solver = highsSolver();
  const clock = new FakeClock(new Date("2026-07-28T08:00:00Z"));
  const stored = (subject: string) => storedOn(nats.backbone, subject);

  it("plans and applies teams, declares a team out with its posts re-planned, extends it, and ends it early", async () => {
    const duties = await kvDutyBook(nats.backbone.js, 1, quietLogger);
    stopping.push(duties);
    const book = new PlanBook(await kvPlanStore(nats.backbone.js, 1));
    const planner = new PostPlanner({ roster: smallCity, templates, solver, clock, logger: quietLogger });
    planner.restoreMode(eastEmergency);
    planner.restoreShelter(shelterEvent("h1", "東区", "2026-07-28T07:28:00Z"));
    const events = jetStreamPublisher(nats.backbone.js);
    const { planId } = await proposeStaffingPlan({ roster: smallCity, templates, solver, clock, planner, book });
    await applyStaffingPlan({ planner, book, events, clock, roster: smallCity, duties }, planId, "t", "officer@city");
    const told: StaffRotaChanged[] = [];
    const deps: TeamDeps = {
      roster: smallCity,
      book,
      duties,
      solver,
      events: {
        publish: (type, event, ids) => {
          if (type.subject === eventTypes.staffRotaChanged.subject) told.push(event as StaffRotaChanged);
          return events.publish(type, event, ids);
        },
      },
      clock,
      teams: await kvTeamStore(nats.backbone.js, 1),
    };
    const { settings } = cityTeams(smallCity, 2, 1);

    const split = await planTeams(deps, settings, "2026-07-28", true, "t");
    expect(split.short).toEqual([]);
    const onPosts = new Set(book.inForce!.plan.assignments.map((a) => a.staffId));
    expect(
      checkSplit({ staff: smallCity.staff, departments: smallCity.departments, settings, level: "emergency", notAtDesk: onPosts }, split),
    ).toEqual([]);
    expect(await stored(eventTypes.rotaPlanned.subject)).toBe(split.departments.length);
    expect(await deps.teams.all()).toHaveLength(split.departments.length);

    // The team holding the most posts goes out for a week.
    const held = (ids: readonly string[]) => book.inForce!.plan.assignments.filter((a) => ids.includes(a.staffId));
    const teams = split.departments.flatMap((d) => d.teams);
    const out = [...teams].sort((a, b) => held(b.members).length - held(a.members).length)[0]!;
    const before = held(out.members);
    expect(before.length).toBeGreaterThan(0);
    const until = new Date("2026-08-04T08:00:00Z");
    const gone = new Set(out.members);
    const staffOut = smallCity.staff.map((p) =>
      gone.has(p.id) ? { ...p, unavailable: [...p.unavailable, { start: clock.now(), end: until }] } : p,
    );
    const current: Assignment[] = book.inForce!.plan.assignments.map((a) => ({ ...a, acknowledged: false }));
    const coverable = replanPositions({
      ...smallCity,
      staff: staffOut,
      posts: book.inForce!.posts,
      level: "emergency",
      current,
      leaving: before,
    }).filter((r) => r.replacement).length;

    const result = await declareTeamOut(deps, out.id, "陽性者と濃厚接触者の自宅待機", until, "t");
    expect(held(out.members)).toEqual([]);
    expect(result.replaced).toBeGreaterThanOrEqual(coverable);
    expect(result.replaced + result.open).toBe(before.length);
    expect(result.short).toEqual([]);
    expect(await stored(eventTypes.rotaSuspended.subject)).toBe(1);

    // Everyone in the department is told once: the out team's members stay home, the others get their office days.
    const department = split.departments.find((d) => d.teams.some((t) => t.id === out.id))!;
    const everyone = department.teams.flatMap((t) => t.members);
    expect(told.map((n) => n.staffId).sort()).toEqual([...everyone].sort());
    expect(await stored(eventTypes.staffRotaChanged.subject)).toBe(everyone.length);
    for (const n of told) {
      if (gone.has(n.staffId)) expect(n).toMatchObject({ stayHomeUntil: until.toISOString(), officeDays: [] });
      else
        expect(n.officeDays.slice(0, 7)).toEqual([
          "2026-07-28",
          "2026-07-29",
          "2026-07-30",
          "2026-07-31",
          "2026-08-01",
          "2026-08-02",
          "2026-08-03",
        ]);
    }
    expect(await readMyTeam(deps, out.members[0]!)).toMatchObject({ teamId: out.id, out: { until: until.toISOString() }, officeDays: [] });
    const view = (await readTeams(deps, 7)).find((v) => v.department === department.department)!;
    expect(view.short).toEqual([]);
    expect(view.teams.find((t) => t.id === out.id)).toMatchObject({ officeToday: false, out: { until: until.toISOString() } });
    expect(view.outToday).toBe(out.members.length);
    expect(view.days.every((d) => d.officeTeamId !== out.id && d.outTeamIds.includes(out.id))).toBe(true);

    // Its members stay home; the other team comes in every day by the fallback.
    const rota = (await deps.teams.get(out.id.split(".")[0]!))!;
    const other = rota.split.teams.find((t) => t.id !== out.id)!;
    const mine = myOfficeDays(rota, out.members[0]!, clock.now(), 7)!;
    expect(mine.out?.until).toBe(until.toISOString());
    expect(mine.days).toEqual([]);
    expect(myOfficeDays(rota, other.members[0]!, clock.now(), 7)!.days).toEqual([0, 1, 2, 3, 4, 5, 6]);

    // Extended, then the other team goes out too: the floors can no longer be met, and it says which.
    const later = new Date("2026-08-08T08:00:00Z");
    await declareTeamOut(deps, out.id, "陽性者と濃厚接触者の自宅待機", later, "t");
    expect((await deps.teams.get(rota.split.department))!.outs).toEqual([
      expect.objectContaining({ teamId: out.id, until: later.toISOString() }),
    ]);
    const both = await declareTeamOut(deps, other.id, "陽性者", later, "t");
    expect(both.short[0]).toContain(rota.split.name);
    expect(both.short[0]).toMatch(/: .*\d+ \/ \d+ \(−\d+\)$/);

    // Ended early: back on the rota, announced, and kept for the next instance.
    await endTeamOut(deps, out.id, "t");
    expect(await stored(eventTypes.rotaReturned.subject)).toBe(1);
    const again = await (await kvTeamStore(nats.backbone.js, 1)).get(rota.split.department);
    expect(again!.outs.map((o) => o.teamId)).toEqual([other.id]);
    await expect(endTeamOut(deps, out.id, "t")).rejects.toMatchObject({ code: "TEAM_NOT_OUT" });
    await expect(declareTeamOut(deps, "nowhere.A", "陽性者", later, "t")).rejects.toMatchObject({ code: "TEAM_NOT_FOUND" });
    await expect(planTeams(deps, [{ department: "nowhere", teams: 2, rota: "day" }], "2026-07-28", false, "t")).rejects.toMatchObject({
      code: "TEAM_DEPARTMENT_UNKNOWN",
      field: "departments[0].department",
    });
  }, 180_000);
});
