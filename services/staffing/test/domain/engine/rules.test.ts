import { checkPlan, planAssignments, type PlanRequest } from "../../../src/domain";
import { anyone, at, department, holding, person, post, solver } from "./builders";

const request = (over: Partial<PlanRequest>): PlanRequest => ({
  staff: [],
  departments: [department("dept-a"), department("dept-b")],
  posts: [],
  level: "emergency",
  ...over,
});

async function planned(over: Partial<PlanRequest>) {
  const req = request(over);
  const plan = await planAssignments(req, solver);
  expect(checkPlan(req, plan.assignments)).toEqual([]);
  return plan;
}

describe("the assignment engine's rules", () => {
  it("puts only a 保健師 on a position that needs one", async () => {
    const plan = await planned({
      staff: [person("clerk", { skills: ["事務"] }), person("nurse", { skills: ["保健師"] })],
      posts: [post("round", 1, 7, [holding("保健師")])],
    });
    expect(plan.assignments.map((a) => a.staffId)).toEqual(["nurse"]);
  });

  it("keeps a department's floor even when that leaves a post short", async () => {
    const plan = await planned({
      staff: [person("a1"), person("a2"), person("a3")],
      departments: [department("dept-a", 2)],
      posts: [post("shelter", 1, 7, [anyone(3)])],
    });
    expect(plan.positionsCovered).toBe(1);
    expect(plan.uncovered[0]!.explanation).toContain("without breaking the floor of dept-a課");
  });

  it("keeps a department's skill floor: the last 保健師 stays at the health centre", async () => {
    const plan = await planned({
      staff: [person("h1", { skills: ["保健師"] }), person("h2", { skills: ["保健師"] })],
      departments: [department("dept-a", 0, { 保健師: 1 })],
      posts: [post("round", 1, 7, [holding("保健師", 2)], "南区")],
    });
    expect(plan.positionsCovered).toBe(1);
    expect(plan.uncovered[0]!.explanation).toMatch(/no free 保健師 for 南区 .* without breaking the floor of dept-a課's 保健師/);
  });

  it("leaves at least 11 hours between one person's shifts", async () => {
    const plan = await planned({
      staff: [person("solo")],
      posts: [post("day", 1, 7, [anyone()]), post("evening", 1, 15, [anyone()]), post("next-day", 2, 7, [anyone()])],
    });
    expect(plan.assignments.map((a) => a.postId).sort()).toEqual(["day", "next-day"]);
    expect(plan.uncovered[0]!.explanation).toContain("1 already on other posts or resting");
  });

  it("keeps a part-time worker within their hour limit", async () => {
    const plan = await planned({
      staff: [person("part", { maxHours: 10 })],
      posts: [post("day", 1, 7, [anyone()]), post("next-day", 2, 7, [anyone()])],
    });
    expect(plan.positionsCovered).toBe(1);
    expect(plan.uncovered[0]!.explanation).toContain("at their part-time hour limit");
  });

  it("does not put night-restricted staff on a night shift", async () => {
    const plan = await planned({ staff: [person("early", { canWorkNights: false })], posts: [post("night", 1, 23, [anyone()])] });
    expect(plan.positionsCovered).toBe(0);
    expect(plan.uncovered[0]!.explanation).toContain("not cleared for nights");
  });

  it("does not assign someone during their unavailability", async () => {
    const away = { start: at(1, 0), end: at(1, 12) };
    const plan = await planned({
      staff: [person("hurt", { unavailable: [away] }), person("fine")],
      posts: [post("day", 1, 7, [anyone()])],
    });
    expect(plan.assignments.map((a) => a.staffId)).toEqual(["fine"]);
  });

  it("prefers someone who lives in the post's ward and says so", async () => {
    const plan = await planned({
      staff: [person("far", { ward: "西区" }), person("near", { ward: "東区" })],
      posts: [post("east", 1, 7, [anyone()], "東区")],
    });
    expect(plan.assignments[0]!.staffId).toBe("near");
    expect(plan.assignments[0]!.explanation).toContain("lives in the post's ward (東区)");
  });

  it("saves the scarce 保健師 for the position only they can fill", async () => {
    const plan = await planned({
      staff: [person("nurse", { skills: ["保健師"] }), person("clerk")],
      posts: [post("shelter", 1, 7, [anyone()]), post("round", 1, 7, [holding("保健師")])],
    });
    expect(plan.positionsCovered).toBe(2);
    expect(plan.assignments.find((a) => a.postId === "round")!.staffId).toBe("nurse");
  });

  it("draws from departments evenly rather than emptying one", async () => {
    const staff = [...["a1", "a2", "a3"].map((id) => person(id)), ...["b1", "b2", "b3"].map((id) => person(id, { department: "dept-b" }))];
    const plan = await planned({ staff, posts: [post("shelter", 1, 7, [anyone(4)])] });
    const fromA = plan.assignments.filter((a) => a.staffId.startsWith("a")).length;
    expect(fromA).toBe(2);
  });

  it("spreads shifts over people instead of working one person every day", async () => {
    const plan = await planned({
      staff: [person("p1"), person("p2")],
      posts: [post("day1", 1, 7, [anyone()]), post("day2", 2, 7, [anyone()])],
    });
    expect(new Set(plan.assignments.map((a) => a.staffId)).size).toBe(2);
  });

  it("plans the same way twice for the same input", async () => {
    const req = { staff: ["p3", "p1", "p2"].map((id) => person(id)), posts: [post("a", 1, 7, [anyone(2)]), post("b", 1, 15, [anyone()])] };
    expect(await planned(req)).toEqual(await planned(req));
  });

  it("still covers the integer optimum when overlapping skill floors leave the LP bound out of reach", async () => {
    const staff = [person("ab", { skills: ["a", "b"] }), person("bc", { skills: ["b", "c"] }), person("ca", { skills: ["c", "a"] })];
    const plan = await planned({
      staff,
      departments: [department("dept-a", 0, { a: 1, b: 1, c: 1 })],
      posts: [post("day1", 1, 7, [anyone(3)]), post("day2", 2, 7, [anyone(3)])],
    });
    expect(plan.upperBound).toBe(3);
    expect(plan.positionsCovered).toBe(2);
    expect(new Set(plan.assignments.map((a) => a.staffId)).size).toBe(1);
  });

  it("refuses a post that ends before it starts", async () => {
    const bad = { ...post("bad", 1, 7, [anyone()]), end: at(1, 6) };
    await expect(planAssignments(request({ posts: [bad] }), solver)).rejects.toMatchObject({ code: "POST_PERIOD_INVALID", status: 400 });
  });
});
