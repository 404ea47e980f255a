import { eventTypes } from "@crisis/platform/contracts";
import type { StaffReleased, StaffTeamChanged } from "@crisis/platform/contracts/events";
import type { EventPublisher } from "@crisis/platform/ports";
import { FakeClock } from "@crisis/platform";
import { applyStaffingPlan } from "../../src/app/apply-staffing-plan";
import type { PostPlanner } from "../../src/app/keep-posts-planned";
import { PlanBook, type ProposedPlan } from "../../src/app/plan-book";
import type { Plan, PlannedAssignment } from "../../src/domain";
import { anyone, department, person, post } from "../domain/engine/builders";
import { memoryDutyBook } from "../support";

/** Records in memory and events collected: the rule under test is which notice each person gets. */
function world() {
  const duties = memoryDutyBook();
  const { records } = duties;
  const released: StaffReleased[] = [];
  const team: StaffTeamChanged[] = [];
  const events: EventPublisher = {
    publish: async (type, event) => {
      if (type.subject === eventTypes.staffReleased.subject) released.push(event as StaffReleased);
      if (type.subject === eventTypes.staffTeamChanged.subject) team.push(event as StaffTeamChanged);
    },
  };
  return { records, released, team, duties, events };
}

const on = (staffId: string): PlannedAssignment => ({
  staffId,
  postId: "day",
  position: 0,
  acknowledged: true,
  origin: "new",
  explanation: "",
});
const inputs = { mode: undefined, shelters: [], counters: [], shifts: [] };
const proposed = (id: string, plan: Partial<Plan>): ProposedPlan => ({
  id,
  proposedAt: new Date("2026-07-28T00:00:00Z"),
  inputs,
  posts: [post("day", 1, 7, [anyone(2)])],
  plan: { assignments: [], uncovered: [], positionsRequired: 2, positionsCovered: 0, upperBound: 2, released: [], ...plan },
});

describe("applying a plan that brings people back to keep their department's floor", () => {
  it("gives each person brought back a `returned` notice and event naming the floor, and anyone else a plain release", async () => {
    const { records, released, team, duties, events } = world();
    const book = new PlanBook();
    const planner = { inputs: () => inputs } as unknown as PostPlanner;
    const roster = { staff: [person("a1"), person("a2"), person("a3")], departments: [department("dept-a", 1)] };
    const deps = { planner, book, events, clock: new FakeClock(new Date("2026-07-28T00:00:00Z")), roster, duties };
    book.add(proposed("p1", { assignments: [on("a1"), on("a2"), { ...on("a3"), postId: "day", position: 1 }] }));
    await applyStaffingPlan(deps, "p1", "t", "officer");

    const floor = { department: "dept-a", departmentName: "dept-a課", minimum: 1 };
    const reason = "returned to keep dept-a課's floor of 1";
    book.add(proposed("p2", { assignments: [on("a1")], released: [{ assignment: on("a2"), reason, floor }] }));
    expect(await applyStaffingPlan(deps, "p2", "t", "officer")).toMatchObject({ released: 2 });

    const a2 = released.find((e) => e.staffId === "a2")!;
    expect(a2).toMatchObject({ reason, floor: { department: "dept-a", departmentName: "dept-a課", skill: "", minimum: 1 } });
    expect(records.get("a2")!.notices.find((n) => n.id === a2.noticeId)).toMatchObject({ kind: "returned", reason, state: "pending" });
    const a3 = released.find((e) => e.staffId === "a3")!;
    expect(a3.floor).toBeUndefined();
    expect(records.get("a3")!.notices.find((n) => n.id === a3.noticeId)).toMatchObject({ kind: "released" });

    // The post is told too: a1, staying on it, learns who left, for which floor, and that nobody replaces them yet.
    expect(team).toEqual([
      expect.objectContaining({ staffId: "a1", postId: "day", leftStaffId: "a2", leftName: "職員 a2", replacementName: "" }),
    ]);
    expect(team[0]!.floor).toMatchObject({ departmentName: "dept-a課", minimum: 1 });
    expect(records.get("a1")!.notices.find((n) => n.id === team[0]!.noticeId)).toMatchObject({
      kind: "team",
      state: "pending",
      reason: "職員 a2 returned to keep the continuity floor (dept-a課 1); replacement: none yet, the position is open",
    });
  });

  it("names the replacement to the people staying on the post, and does not tell the replacement about their own arrival", async () => {
    const { team, duties, events } = world();
    const book = new PlanBook();
    const planner = { inputs: () => inputs } as unknown as PostPlanner;
    const roster = { staff: [person("a1"), person("a2"), person("b1")], departments: [department("dept-a", 1)] };
    const deps = { planner, book, events, clock: new FakeClock(new Date("2026-07-28T00:00:00Z")), roster, duties };
    book.add(proposed("p1", { assignments: [on("a1"), { ...on("a2"), position: 1 }] }));
    await applyStaffingPlan(deps, "p1", "t", "officer");
    const floor = { department: "dept-a", departmentName: "dept-a課", minimum: 1 };
    const left = { ...on("a2"), position: 1 };
    book.add(
      proposed("p2", { assignments: [on("a1"), { ...on("b1"), position: 1 }], released: [{ assignment: left, reason: "floor", floor }] }),
    );
    await applyStaffingPlan(deps, "p2", "t", "officer");
    expect(team.map((e) => [e.staffId, e.leftStaffId, e.replacementName])).toEqual([["a1", "a2", "職員 b1"]]);
  });
});

describe("applying again after the instance applying a plan died", () => {
  it("names every notice as the dead instance did, though the plan proposed again has another id", async () => {
    const { duties } = world();
    const ids: string[] = [];
    const events: EventPublisher = { publish: async (_type, _event, { eventId }) => void ids.push(eventId) };
    const planner = { inputs: () => inputs } as unknown as PostPlanner;
    const roster = { staff: [person("a1"), person("a2")], departments: [department("dept-a", 1)] };
    const clock = new FakeClock(new Date("2026-07-28T00:00:00Z"));
    const dead = new PlanBook();
    dead.add(proposed("proposed-by-the-dead-instance", { assignments: [on("a1"), { ...on("a2"), position: 1 }] }));
    await applyStaffingPlan({ planner, book: dead, events, clock, roster, duties }, "proposed-by-the-dead-instance", "t", "auto");
    const told = ids.splice(0);
    // The standby restored no plan in force (the dead instance never stored it) and proposes the same posts again.
    const standby = new PlanBook();
    standby.add(proposed("proposed-by-the-standby", { assignments: [on("a1"), { ...on("a2"), position: 1 }] }));
    await applyStaffingPlan({ planner, book: standby, events, clock, roster, duties }, "proposed-by-the-standby", "t", "auto");
    expect(told).toHaveLength(2);
    expect(ids).toEqual(told);
  });
});
