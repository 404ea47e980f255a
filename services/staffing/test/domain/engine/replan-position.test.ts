import { checkPlan, planAssignments, replanPosition, type Assignment, type PlanRequest } from "../../../src/domain";
import { anyone, department, holding, person, post, solver } from "./builders";

const base = (over: Partial<PlanRequest>): PlanRequest => ({
  staff: [],
  departments: [department("dept-a"), department("dept-b")],
  posts: [],
  level: "emergency",
  ...over,
});
const on = (staffId: string, postId: string, position = 0): Assignment => ({ staffId, postId, position, acknowledged: true });

describe("re-planning one declined position", () => {
  it("proposes a qualified free person living nearest, keeping everyone else where they are", () => {
    const request = base({
      staff: [person("decliner"), person("far", { ward: "西区" }), person("near", { ward: "東区" }), person("other")],
      posts: [post("east", 1, 7, [anyone(2)], "東区")],
    });
    const current = [on("decliner", "east", 0), on("other", "east", 1)];
    const { replacement, uncovered } = replanPosition({ ...request, current, declined: current[0]! });
    expect(uncovered).toBeUndefined();
    expect(replacement).toMatchObject({ staffId: "near", postId: "east", position: 0, origin: "new" });
    expect(replacement!.explanation).toContain("lives in the post's ward (東区)");
    expect(checkPlan(request, [current[1]!, replacement!])).toEqual([]);
  });

  it("at the floor, takes someone already on a post and rested rather than breaking it", () => {
    const request = base({
      staff: [person("decliner"), person("busy"), person("desk")],
      departments: [department("dept-a", 2)],
      posts: [post("day1", 1, 7, [anyone()]), post("day2", 2, 7, [anyone()])],
    });
    const current = [on("decliner", "day2"), on("busy", "day1")];
    const { replacement } = replanPosition({ ...request, current, declined: current[0]! });
    expect(replacement?.staffId).toBe("busy");
    expect(checkPlan(request, [current[1]!, replacement!])).toEqual([]);
    expect(checkPlan(request, [current[1]!, { ...replacement!, staffId: "desk" }]).map((v) => v.rule)).toEqual(["floor"]);
  });

  it("does not ask again whoever declined the position before, nor break rest or skills", () => {
    const request = base({
      staff: [
        person("decliner", { skills: ["保健師"] }),
        person("refused-before", { skills: ["保健師"] }),
        person("clerk"),
        person("tired", { skills: ["保健師"] }),
      ],
      posts: [post("night", 0, 23, [anyone()]), post("round", 1, 7, [holding("保健師")])],
    });
    const current = [on("decliner", "round"), on("tired", "night")];
    const { replacement, uncovered } = replanPosition({ ...request, current, declined: current[0]!, refused: ["refused-before"] });
    expect(replacement).toBeUndefined();
    expect(uncovered).toMatchObject({ postId: "round", position: 0, skills: ["保健師"] });
    expect(uncovered!.explanation).toContain("1 already on other posts or resting");
  });

  it("finds a replacement whenever a full re-plan of that post alone would, on plans the engine made", async () => {
    const request = base({
      staff: ["a1", "a2", "a3", "a4", "a5"].map((id) => person(id)),
      departments: [department("dept-a", 2)],
      posts: [post("d1", 1, 7, [anyone(2)]), post("d2", 2, 7, [anyone(2)])],
    });
    const plan = await planAssignments(request, solver);
    const current = plan.assignments.map((a) => ({ ...a, acknowledged: true }));
    for (const declined of current) {
      const { replacement } = replanPosition({ ...request, current, declined });
      expect(replacement).toBeDefined();
      const after = [...current.filter((a) => a !== declined), replacement!];
      expect(checkPlan(request, after)).toEqual([]);
    }
  });
});
