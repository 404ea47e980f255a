import { FakeClock, jetStreamPublisher, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { backboneForSuite } from "@crisis/platform/testing";
import { highsSolver } from "../../src/adapters/solver/highs";
import { applyStaffingPlan } from "../../src/app/apply-staffing-plan";
import { PostPlanner } from "../../src/app/keep-posts-planned";
import { PlanBook } from "../../src/app/plan-book";
import { proposeStaffingPlan } from "../../src/app/propose-staffing-plan";
import { eastEmergency, quietLogger, shelterEvent, smallCity, storedOn, templates } from "../support";

describe("staffing plans proposed, reviewed and applied (real nats-server)", () => {
  const nats = backboneForSuite("staffing-plans-test", [streams.staff], { logger: quietLogger });
  const solver = highsSolver();
  const clock = new FakeClock(new Date("2026-07-28T08:00:00Z"));
  const planner = new PostPlanner({ roster: smallCity, templates, solver, clock, logger: quietLogger });
  const book = new PlanBook();
  const propose = () => proposeStaffingPlan({ roster: smallCity, templates, solver, clock, planner, book });
  const apply = (planId: string) =>
    applyStaffingPlan({ planner, book, events: jetStreamPublisher(nats.backbone.js), clock }, planId, "test", "officer@city");
  const stored = (subject: string) => storedOn(nats.backbone, subject);
  const published = () => stored(eventTypes.staffReassigned.subject);

  beforeAll(async () => {
    planner.restoreMode(eastEmergency);
    planner.restoreShelter(shelterEvent("h1", "東区", "2026-07-28T07:28:00Z"));
    planner.restoreShelter(shelterEvent("h2", "東区", "2026-07-28T07:28:00Z"));
  });
  it("proposes coverage per post, ward and skill, floor margins, open positions with why, and every change from no plan", async () => {
    const plan = await propose();
    // 2 shelters × 3 shifts × 3, one 保健師 round, the call centre 3 × 11.
    expect(plan.positionsRequired).toBe(18 + 1 + 33);
    expect(plan.perWard.find((c) => c.key === "東区")).toEqual({ key: "東区", required: 19, covered: expect.any(Number) });
    expect(plan.perPost.reduce((n, c) => n + c.required, 0)).toBe(plan.positionsRequired);
    expect(plan.perSkill.map((c) => c.key)).toEqual(expect.arrayContaining(["避難所運営研修", "保健師", "事務"]));
    // A department may already be below its floor through absences; one that released people never is.
    expect(plan.floors.filter((f) => f.released > 0).every((f) => f.margin >= 0)).toBe(true);
    expect(plan.floors.some((f) => f.released > 0)).toBe(true);
    expect(plan.openPositions.every((o) => o.why.startsWith("no "))).toBe(true);
    expect(plan.openPositions.length).toBe(plan.positionsRequired - plan.positionsCovered);
    expect(plan.changes).toHaveLength(plan.positionsCovered);
    expect(plan.changes.every((c) => c.fromPostId === "" && c.toPostId !== "")).toBe(true);
    // For the reviewer: named people, and posts in words with their hours in city time (no shift key);
    // a first duty is forced (nobody had a post to keep).
    const names = new Map(smallCity.staff.map((p) => [p.id, p.name]));
    const hours = / \d{1,2}\/\d{1,2} \d{2}:\d{2}–\d{2}:\d{2}$/;
    expect(plan.changes.every((c) => c.name === names.get(c.staffId) && hours.test(c.toPostName) && c.forced)).toBe(true);
    // A floor that binds names the people it keeps at their desks; one with room to spare names no one.
    for (const f of plan.floors) expect(f.heldBack.length).toBe(f.margin <= 0 ? f.floor + f.margin : 0);
  });

  it("publishes one crisis.staff.reassigned per person whose duty changed, and nothing when applied again", async () => {
    const plan = await propose();
    const first = await apply(plan.planId);
    expect(first).toEqual({ planId: plan.planId, reassigned: plan.changes.length, released: 0, alreadyApplied: false });
    expect(await published()).toBe(plan.changes.length);
    expect(await apply(plan.planId)).toMatchObject({ reassigned: 0, alreadyApplied: true });
    expect(await published()).toBe(plan.changes.length);
  });

  it("refuses with 409 a plan made before a shelter opened, naming it", async () => {
    const plan = await propose();
    planner.restoreShelter(shelterEvent("h3", "東区", "2026-07-28T09:00:00Z"));
    await expect(apply(plan.planId)).rejects.toMatchObject({
      code: "PLAN_STALE",
      status: 409,
      message: expect.stringContaining("shelters opened: h3"),
    });
  });

  it("after a shelter opens, a new plan changes only the people it moves, and applying it tells only them", async () => {
    const before = await published();
    const plan = await propose();
    expect(plan.changes.length).toBeGreaterThan(0);
    expect(plan.changes.length).toBeLessThan(plan.positionsCovered);
    expect((await apply(plan.planId)).reassigned).toBe(plan.changes.filter((c) => c.toPostId !== "").length);
    expect(await published()).toBe(before + plan.changes.filter((c) => c.toPostId !== "").length);
  });

  it("answers 404 for a plan it never proposed", async () => {
    await expect(apply("nope")).rejects.toMatchObject({ code: "PLAN_NOT_FOUND", status: 404, field: "planId" });
  });

  it("at the stand-down, applying the plan with no posts releases everyone on a post to their home department", async () => {
    const onPosts = book.inForce!.plan.assignments.length;
    const releasedBefore = await stored(eventTypes.staffReleased.subject);
    for (const id of ["h1", "h2", "h3"]) planner.restoreShelter(shelterEvent(id, "東区", "2026-07-28T12:00:00Z", false));
    planner.restoreMode(undefined);
    const plan = await propose();
    expect(plan.positionsRequired).toBe(0);
    expect(plan.changes.every((c) => c.fromPostId !== "" && c.toPostId === "")).toBe(true);
    expect(await apply(plan.planId)).toMatchObject({ reassigned: 0, released: onPosts });
    expect(await stored(eventTypes.staffReleased.subject)).toBe(releasedBefore + onPosts);
  });
});
