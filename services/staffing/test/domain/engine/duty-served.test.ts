import fc from "fast-check";
import { checkPlan, planAssignments, type PlanRequest } from "../../../src/domain";
import { anyone, at, department, person, post, solver } from "./builders";

const request = (over: Partial<PlanRequest>): PlanRequest => ({
  staff: [],
  departments: [department("dept-a")],
  posts: [],
  level: "emergency",
  ...over,
});

describe("duty served before the plan", () => {
  it("draws, of alike people, whoever has served the fewest minutes rather than the first on the roster", async () => {
    const req = request({
      staff: ["p1", "p2", "p3"].map((id) => person(id)),
      posts: [post("shelter", 2, 7, [anyone(2)])],
      minutesOnDuty: new Map([
        ["p1", 960],
        ["p3", 480],
      ]),
    });
    const plan = await planAssignments(req, solver);
    expect(plan.assignments.map((a) => a.staffId).sort()).toEqual(["p2", "p3"]);
  });

  it("over random minutes served, always draws the alike people who served least", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        async (minutes, wanted) => {
          const staff = minutes.map((_, i) => person(`p${i}`));
          const served = new Map(minutes.map((m, i) => [`p${i}`, m]));
          const req = request({ staff, posts: [post("shelter", 2, 7, [anyone(wanted)])], minutesOnDuty: served });
          const drawn = new Set((await planAssignments(req, solver)).assignments.map((a) => a.staffId));
          const minutesOf = (ids: string[]) => ids.map((id) => served.get(id)!);
          const kept = staff.map((p) => p.id).filter((id) => !drawn.has(id));
          expect(drawn.size).toBe(Math.min(wanted, staff.length));
          expect(Math.max(...minutesOf([...drawn]))).toBeLessThanOrEqual(Math.min(...minutesOf(kept)));
        },
      ),
      { seed: 20260730, numRuns: 60 },
    );
  });

  it("keeps 11 hours of rest after the last duty served before the plan, and checkPlan agrees", async () => {
    const lastDutyEnd = new Map([["tired", at(1, 5)]]);
    const req = request({
      staff: [person("tired"), person("fresh")],
      posts: [post("morning", 1, 7, [anyone()])],
      lastDutyEnd,
    });
    const plan = await planAssignments(req, solver);
    expect(plan.assignments.map((a) => a.staffId)).toEqual(["fresh"]);
    expect(checkPlan(req, [{ staffId: "tired", postId: "morning", position: 0, acknowledged: false }]).map((v) => v.rule)).toEqual([
      "rest",
    ]);

    const alone = request({ staff: [person("tired")], posts: [post("morning", 1, 7, [anyone()])], lastDutyEnd });
    const none = await planAssignments(alone, solver);
    expect(none.positionsCovered).toBe(0);
    expect(none.uncovered[0]!.explanation).toContain("resting from earlier duty");
  });

  it("lets a person rested for 11 hours since their last duty take the next post", async () => {
    const req = request({
      staff: [person("rested")],
      posts: [post("evening", 1, 16, [anyone()])],
      lastDutyEnd: new Map([["rested", at(1, 5)]]),
    });
    const plan = await planAssignments(req, solver);
    expect(plan.assignments.map((a) => a.staffId)).toEqual(["rested"]);
    expect(checkPlan(req, plan.assignments)).toEqual([]);
  });
});
