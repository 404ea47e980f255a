import { checkPlan, planAssignments, replan, type PlanRequest } from "../../../src/domain";
import { anyone, at, department, holding, person, post, solver } from "./builders";

const city: PlanRequest = {
  staff: ["p1", "p2", "p3", "p4", "p5"].map((id) => person(id)),
  departments: [department("dept-a")],
  posts: [post("north", 1, 7, [anyone(2)], "北区"), post("south", 1, 7, [anyone(2)], "南区")],
  level: "emergency",
};

describe("re-planning", () => {
  it("keeps acknowledged assignments exactly where they are", async () => {
    const first = await planAssignments(city, solver);
    const current = first.assignments.map((a) => ({ ...a, acknowledged: true }));
    const again = await replan({ ...city, current }, solver);
    expect(again.assignments.map((a) => [a.staffId, a.postId, a.position])).toEqual(current.map((a) => [a.staffId, a.postId, a.position]));
    expect(again.assignments.every((a) => a.origin === "acknowledged" && a.explanation.startsWith("acknowledged earlier and kept"))).toBe(
      true,
    );
  });

  it("moves only the person who became unavailable", async () => {
    const first = await planAssignments(city, solver);
    const gone = first.assignments[0]!.staffId;
    const staff = city.staff.map((p) => (p.id === gone ? { ...p, unavailable: [{ start: at(1, 0), end: at(2, 0) }] } : p));
    const request = { ...city, staff };
    const again = await replan({ ...request, current: first.assignments }, solver);
    expect(checkPlan(request, again.assignments)).toEqual([]);
    expect(again.positionsCovered).toBe(4);
    const unchanged = again.assignments.filter((a) =>
      first.assignments.some((b) => b.staffId === a.staffId && b.postId === a.postId && b.position === a.position),
    );
    expect(unchanged).toHaveLength(3);
    expect(again.released).toEqual([{ assignment: first.assignments[0], reason: "the person is now unavailable for this shift" }]);
  });

  it("gives up an unacknowledged assignment when that covers one more position", async () => {
    const request: PlanRequest = {
      staff: [person("nurse", { skills: ["保健師"] }), person("clerk")],
      departments: [department("dept-a")],
      posts: [post("shelter", 1, 7, [anyone()]), post("round", 1, 7, [{ skills: ["保健師"], count: 1 }])],
      level: "emergency",
    };
    const current = [{ staffId: "nurse", postId: "shelter", position: 0, acknowledged: false }];
    const again = await replan({ ...request, current }, solver);
    expect(again.positionsCovered).toBe(2);
    expect(again.released.map((r) => r.reason)).toEqual(["moved so that more positions are covered"]);
    // Nothing forced it: a reviewer sees it apart from the moves a floor or a closed post forces.
    expect(again.released.map((r) => r.optional)).toEqual([true]);
  });

  it("sends an acknowledged person back when absences leave their department at its floor", async () => {
    const request: PlanRequest = {
      staff: [person("a1"), person("a2"), person("a3")],
      departments: [department("dept-a", 1)],
      posts: [post("day", 1, 7, [anyone(2)])],
      level: "emergency",
    };
    const first = await planAssignments(request, solver);
    expect(first.positionsCovered).toBe(2);
    const current = first.assignments.map((a) => ({ ...a, acknowledged: true }));
    const stayingHome = request.staff.find((p) => !current.some((a) => a.staffId === p.id))!.id;
    const staff = request.staff.map((p) => (p.id === stayingHome ? { ...p, unavailable: [{ start: at(1, 8), end: at(1, 9) }] } : p));
    const again = await replan({ ...request, staff, current }, solver);
    expect(checkPlan({ ...request, staff }, again.assignments)).toEqual([]);
    expect(again.positionsCovered).toBe(1);
    expect(again.released.map((r) => r.reason)).toEqual(["returned to keep dept-a課's floor of 1"]);
    expect(again.released[0]!.floor).toEqual({ department: "dept-a", departmentName: "dept-a課", minimum: 1 });
    expect(again.released[0]!.assignment.acknowledged).toBe(true);
  });

  it("brings back an acknowledged 保健師 for a skill floor over a three-day plan, naming the skill, and keeps the others", async () => {
    const nurses = ["n1", "n2", "n3"].map((id) => person(id, { skills: ["保健師"] }));
    const request: PlanRequest = {
      staff: nurses,
      departments: [department("dept-a", 0, { 保健師: 1 })],
      posts: [
        post("round-1", 1, 7, [holding("保健師")]),
        post("round-2", 2, 7, [holding("保健師")]),
        post("round-3", 3, 7, [holding("保健師")]),
      ],
      level: "emergency",
    };
    const first = await planAssignments(request, solver);
    const drawn = new Set(first.assignments.map((a) => a.staffId));
    expect(drawn.size).toBe(2);
    const current = first.assignments.map((a) => ({ ...a, acknowledged: true }));
    const home = nurses.find((n) => !drawn.has(n.id))!.id;
    const staff = nurses.map((p) => (p.id === home ? { ...p, unavailable: [{ start: at(2, 8), end: at(2, 9) }] } : p));
    const again = await replan({ ...request, staff, current }, solver);
    expect(checkPlan({ ...request, staff }, again.assignments)).toEqual([]);
    const returned = again.released.filter((r) => r.floor);
    expect(new Set(returned.map((r) => r.assignment.staffId)).size).toBe(1);
    expect(returned.every((r) => r.floor!.skill === "保健師" && r.reason.includes("保健師 floor of 1"))).toBe(true);
    expect(again.assignments.filter((a) => a.origin === "acknowledged").length).toBe(current.length - returned.length);
  });
});
