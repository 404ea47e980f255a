import { FakeClock, jetStreamPublisher, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { backboneForSuite } from "@crisis/platform/testing";
import { kvDutyBook, type WatchedDutyBook } from "../../../src/adapters/nats/duty-book";
import { kvPlanStore } from "../../../src/adapters/nats/plan-store";
import { highsSolver } from "../../../src/adapters/solver/highs";
import { answerNotice } from "../../../src/app/answer-notice";
import { applyStaffingPlan } from "../../../src/app/apply-staffing-plan";
import { PostPlanner } from "../../../src/app/keep-posts-planned";
import { PlanBook } from "../../../src/app/plan-book";
import { proposeStaffingPlan } from "../../../src/app/propose-staffing-plan";
import { releaseEndedPosts } from "../../../src/app/release-ended-posts";
import { replan } from "../../../src/domain";
import { earthquakePosts, generateCity } from "../../../src/fixtures";
import { eastEmergency, quietLogger, shelterEvent, smallCity, storedOn, templates } from "../../support";

describe("the plan in force survives a restart (real nats-server, a second instance's app objects)", () => {
  const stopping: WatchedDutyBook[] = [];
  const nats = backboneForSuite("plan-store-test", [streams.staff], {
    logger: quietLogger,
    timeoutMs: 60_000,
    beforeStop: () => stopping.forEach((d) => d.stop()),
  });
  const solver = highsSolver();
  const clock = new FakeClock(new Date("2026-07-28T08:00:00Z"));

  /** One staffing instance: its own planner, plan book and duty book over the shared bucket. */
  const instance = async () => {
    const duties = await kvDutyBook(nats.backbone.js, 1, quietLogger);
    stopping.push(duties);
    const book = new PlanBook(await kvPlanStore(nats.backbone.js, 1));
    await book.restore();
    const planner = new PostPlanner({ roster: smallCity, templates, solver, clock, logger: quietLogger });
    planner.restoreMode(eastEmergency);
    planner.restoreShelter(shelterEvent("h1", "東区", "2026-07-28T07:28:00Z"));
    const events = jetStreamPublisher(nats.backbone.js);
    return {
      book,
      duties,
      planner,
      propose: () => proposeStaffingPlan({ roster: smallCity, templates, solver, clock, planner, book }),
      apply: (planId: string) =>
        applyStaffingPlan({ planner, book, events, clock, roster: smallCity, duties }, planId, "t", "officer@city"),
      answering: { roster: smallCity, book, duties, solver, events, clock },
    };
  };
  const stored = (subject: string) => storedOn(nats.backbone, subject);

  it("lets a new instance find a replacement for a decline, apply the same plan without a second notice, and release on a stand-down", async () => {
    const first = await instance();
    const { planId } = await first.propose();
    const applied = await first.apply(planId);
    expect(applied.reassigned).toBeGreaterThan(5);
    const notices = await stored(eventTypes.staffReassigned.subject);
    expect(notices).toBe(applied.reassigned);

    const second = await instance();
    expect(second.book.inForce?.id).toBe(planId);
    expect(second.book.inForce?.posts[0].start).toBeInstanceOf(Date);
    expect(second.book.reviewedFor).toBe(eastEmergency.declaredAt);
    expect(await second.apply(planId)).toMatchObject({ alreadyApplied: true, reassigned: 0 });
    expect(await stored(eventTypes.staffReassigned.subject)).toBe(notices);

    const decliner = second.book.inForce!.plan.assignments.find((a) => a.postId.endsWith("-night"))!;
    const notice = (await second.duties.get(decliner.staffId))!.notices[0];
    const answer = await answerNotice(second.answering, decliner.staffId, notice.id, { decline: true, reason: "家屋が被災" }, "t");
    expect(answer.replacement?.staffId).toBeDefined();
    expect(answer.replacement!.staffId).not.toBe(decliner.staffId);
    expect(await stored(eventTypes.staffReassigned.subject)).toBe(notices + 1);

    // A third instance sees the decline's change too, and a closed shelter releases its people.
    const third = await instance();
    const onPost = third.book.inForce!.plan.assignments.filter((a) => a.postId === decliner.postId).map((a) => a.staffId);
    expect(onPost).toContain(answer.replacement!.staffId);
    expect(onPost).not.toContain(decliner.staffId);
    third.planner.restoreShelter(shelterEvent("h1", "東区", "2026-07-28T08:00:00Z", false));
    const released = await releaseEndedPosts({
      ...third.answering,
      planner: third.planner,
      templates,
      events: jetStreamPublisher(nats.backbone.js),
    });
    expect(released).toBeGreaterThan(0);
    expect(await stored(eventTypes.staffReleased.subject)).toBeGreaterThan(0);
  }, 120_000);

  it("keeps a city-wide plan within one NATS message: 10,000 staff on 300 posts in 3 shifts", async () => {
    const city = generateCity({ seed: 20260728, staffCount: 10_000 });
    const posts = earthquakePosts({
      days: ["2026-07-29"],
      sheltersPerWard: { 中央区: 59, 東区: 44, 西区: 39, 南区: 49, 北区: 54 },
      roundTheClock: true,
    });
    const plan = await replan({ ...city, posts, level: "emergency", current: [] }, solver);
    expect(plan.assignments.length).toBeGreaterThan(2_000);
    const store = await kvPlanStore(nats.backbone.js, 1);
    const inputs = {
      mode: eastEmergency,
      shelters: [],
      counters: [],
      shifts: ["2026-07-29-day", "2026-07-29-evening", "2026-07-29-night"],
    };
    await store.save({ inForce: { id: "city", proposedAt: clock.now(), inputs, plan, posts }, reviewedFor: undefined });
    const entry = await (await nats.backbone.js.views.kv("staffing_plans")).get("in-force");
    // Gzipped, the plan is a small share of the server's largest message (1 MB unless set otherwise).
    expect(entry!.value.length).toBeLessThan(nats.backbone.nc.info!.max_payload / 4);
    expect((await store.load())?.inForce?.plan.assignments).toHaveLength(plan.assignments.length);
  }, 120_000);
});
