import { PlanBook } from "../../src/app/plan-book";
import { proposeReplacement } from "../../src/app/propose-replacement";
import type { DutyBook } from "../../src/app/ports";
import { ModeLevel, Incident } from "@crisis/platform/contracts";
import { checkPlan, replan, type PlannedAssignment, type PlanRequest } from "../../src/domain";
import { anyone, department, person, post, solver } from "../domain/engine/builders";

const nobodyAnswered: DutyBook = {
  get: async () => undefined,
  update: async () => Promise.reject(new Error("not written")),
  all: () => [],
};
const on = (staffId: string, postId: string): PlannedAssignment => ({
  staffId,
  postId,
  position: 0,
  acknowledged: false,
  origin: "new",
  explanation: "",
});

describe("proposing a replacement for one post of the plan in force", () => {
  // dept-a must keep 2 at their desks: only someone already on a post, and rested, can take the second post.
  const request: PlanRequest = {
    staff: [person("decliner"), person("busy"), person("desk")],
    departments: [department("dept-a", 2)],
    posts: [post("day1", 1, 7, [anyone()]), post("day2", 2, 7, [anyone()])],
    level: "emergency",
  };
  const assignments = [on("decliner", "day2"), on("busy", "day1")];

  it("finds someone already on a post and rested where re-planning the post alone among the people at their desks finds nobody", async () => {
    const book = new PlanBook();
    await book.putInForce({
      id: "p1",
      proposedAt: new Date("2026-07-28T00:00:00Z"),
      inputs: {
        mode: {
          incident: Incident.INCIDENT_EARTHQUAKE,
          level: ModeLevel.MODE_LEVEL_EMERGENCY,
          wards: [],
          reason: "t",
          declaredBy: "m",
          declaredAt: "2026-07-28T00:00:00Z",
        },
        shelters: [],
        counters: [],
        shifts: [],
      },
      posts: request.posts,
      plan: { assignments, uncovered: [], positionsRequired: 2, positionsCovered: 2, upperBound: 2, released: [] },
    });
    const roster = { staff: request.staff, departments: request.departments };

    // What a re-plan of the post alone, among those the plan leaves at their desks, can do: nothing without breaking the floor.
    const alone = await replan({ ...request, staff: [person("desk")], posts: [request.posts[1]!], current: [] }, solver);
    expect(alone.assignments).toEqual([]);

    const proposal = await proposeReplacement({ roster, book, duties: nobodyAnswered, solver }, "decliner", "day2");
    expect(proposal).toMatchObject({ staffId: "busy", name: "職員 busy", post: { id: "day2" } });
    expect(proposal!.onPost.map((a) => a.staffId)).toEqual(["busy"]);
    expect(checkPlan(request, [assignments[1]!, ...proposal!.onPost])).toEqual([]);

    // Duty served is read too: had "busy" just come off another duty, nobody is rested for the post.
    const day2Start = request.posts[1]!.start.getTime();
    const tired = () => ({ lastDutyEnd: new Map([["busy", new Date(day2Start - 3_600_000)]]) });
    expect(await proposeReplacement({ roster, book, duties: nobodyAnswered, solver, served: tired }, "decliner", "day2")).toBeUndefined();
  });
});
