import { FakeClock, jetStreamPublisher, streams, waitUntil } from "@crisis/platform";
import { Incident, ModeLevel, eventTypes, type Mode } from "@crisis/platform/contracts";
import { backboneForSuite } from "@crisis/platform/testing";
import { highsSolver } from "../../src/adapters/solver/highs";
import { applyStaffingPlan } from "../../src/app/apply-staffing-plan";
import { autoApplyPlan } from "../../src/app/auto-apply-plan";
import { PostPlanner } from "../../src/app/keep-posts-planned";
import { PlanBook } from "../../src/app/plan-book";
import { proposeStaffingPlan } from "../../src/app/propose-staffing-plan";
import { quietLogger, shelterEvent, smallCity, templates } from "../support";

const declaration = (declaredAt: string): Mode => ({
  incident: Incident.INCIDENT_FLOOD,
  level: ModeLevel.MODE_LEVEL_EMERGENCY,
  wards: ["西区"],
  reason: "test",
  declaredBy: "manager",
  declaredAt,
});

describe("the auto-apply setting for the first hours of a declaration (real nats-server)", () => {
  const nats = backboneForSuite("staffing-auto-test", [streams.staff], { logger: quietLogger });
  const published = async () =>
    (await nats.backbone.jsm.streams.info(streams.staff.name, { subjects_filter: eventTypes.staffReassigned.subject })).state.subjects?.[
      eventTypes.staffReassigned.subject
    ] ?? 0;

  it("applies each settled plan by itself until a person applies one, then leaves plans for review", async () => {
    const clock = new FakeClock(new Date("2026-07-28T08:00:00Z"));
    const book = new PlanBook();
    const planning = {
      roster: smallCity,
      templates,
      solver: highsSolver(),
      clock,
      book,
      events: jetStreamPublisher(nats.backbone.js),
      logger: quietLogger,
    };
    const planner: PostPlanner = new PostPlanner({ ...planning, onSettled: () => autoApplyPlan({ ...planning, planner }) });

    planner.modeChanged(declaration("2026-07-28T07:27:00Z"));
    planner.shelterChanged(shelterEvent("w1", "西区", "2026-07-28T07:28:00Z"));
    await waitUntil(async () => (await published()) > 0 && book.inForce?.inputs.shelters.length === 1, "the first plan applied by itself");
    const afterFirst = await published();
    expect(afterFirst).toBe(book.inForce!.plan.assignments.length);

    // A person reviews and applies a plan: from then on nothing applies by itself.
    const reviewed = await proposeStaffingPlan({ ...planning, planner });
    await applyStaffingPlan({ ...planning, planner }, reviewed.planId, "test", "officer@city");
    planner.shelterChanged(shelterEvent("w2", "西区", "2026-07-28T07:40:00Z"));
    await planner.settled();
    expect(book.inForce?.id).toBe(reviewed.planId);
    expect(await published()).toBe(afterFirst + reviewed.changes.filter((c) => c.toPostId !== "").length);
  });
});
