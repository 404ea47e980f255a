import { FakeClock, jetStreamPublisher, streams } from "@crisis/platform";
import { ModeLevel, eventTypes } from "@crisis/platform/contracts";
import { StaffAnswered, StaffReminded } from "@crisis/platform/contracts/events";
import { backboneForSuite } from "@crisis/platform/testing";
import { kvDutyBook, type WatchedDutyBook } from "../../src/adapters/nats/duty-book";
import { highsSolver } from "../../src/adapters/solver/highs";
import { answerNotice } from "../../src/app/answer-notice";
import { applyStaffingPlan } from "../../src/app/apply-staffing-plan";
import { PostPlanner } from "../../src/app/keep-posts-planned";
import { PlanBook } from "../../src/app/plan-book";
import { proposeStaffingPlan } from "../../src/app/propose-staffing-plan";
import { readAcknowledgements } from "../../src/app/read-acknowledgements";
import { readStaffDuties } from "../../src/app/read-staff-duties";
import { remindUnanswered } from "../../src/app/remind-unanswered";
import { readCoverage } from "../../src/app/read-coverage";
import { readDutyRoster } from "../../src/app/read-duty-roster";
import { releaseEndedPosts } from "../../src/app/release-ended-posts";
import { replaceOnPost } from "../../src/app/replace-on-post";
import { eastEmergency, quietLogger, shelterEvent, smallCity, storedOn, templates } from "../support";

const minutes = (n: number) => n * 60_000;

describe("duty notices: read, acknowledged, declined, reminded, escalated and released (real nats-server, moved clock)", () => {
  const nats = backboneForSuite("staff-duties-test", [streams.staff], {
    logger: quietLogger,
    timeoutMs: 60_000,
    beforeStop: () => duties?.stop(),
  });
  let duties: WatchedDutyBook;
  const solver = highsSolver();
  // 17:00 in Kumamoto: the day shift is over, the evening shift under way, the night shift next.
  const clock = new FakeClock(new Date("2026-07-28T08:00:00Z"));
  const planner = new PostPlanner({ roster: smallCity, templates, solver, clock, logger: quietLogger });
  const book = new PlanBook();
  const times = { remindAfterMs: minutes(30), escalateAfterMs: minutes(30) };
  const deps = () => ({ roster: smallCity, book, duties, solver, events: jetStreamPublisher(nats.backbone.js), clock });
  const propose = () => proposeStaffingPlan({ roster: smallCity, templates, solver, clock, planner, book });
  const apply = (planId: string) =>
    applyStaffingPlan(
      { planner, book, events: jetStreamPublisher(nats.backbone.js), clock, roster: smallCity, duties },
      planId,
      "test",
      "officer@city",
    );
  const stored = (subject: string) => storedOn(nats.backbone, subject);
  const page = (staffId: string) => readStaffDuties({ roster: smallCity, duties, clock }, staffId);
  let assigned: { staffId: string; postId: string }[] = [];

  beforeAll(async () => {
    duties = await kvDutyBook(nats.backbone.js, 1, quietLogger);
    planner.restoreMode(eastEmergency);
    planner.restoreShelter(shelterEvent("h1", "東区", "2026-07-28T07:28:00Z"));
    planner.restoreShelter(shelterEvent("h2", "東区", "2026-07-28T07:28:00Z"));
    const plan = await propose();
    await apply(plan.planId);
    assigned = book.inForce!.plan.assignments.map((a) => ({ staffId: a.staffId, postId: a.postId }));
  }, 120_000);
  it("gives each reassigned person a pending notice saying where, when, which duty and whom to report to, and their current or next duty", async () => {
    expect(assigned.length).toBeGreaterThan(10);
    const evening = assigned.find((a) => a.postId.startsWith("shelter:h1@") && a.postId.endsWith("-evening"))!;
    const mine = await page(evening.staffId);
    expect(mine.name).toBe(smallCity.staff.find((p) => p.id === evening.staffId)!.name);
    expect(mine.current).toMatchObject({
      postId: evening.postId,
      facilityId: "h1",
      facilityName: "避難所 h1",
      ward: "東区",
      startsAt: "2026-07-28T06:00:00.000Z",
      endsAt: "2026-07-28T14:00:00.000Z",
      reportTo: "避難所 h1 責任者",
    });
    expect(mine.notices).toEqual([expect.objectContaining({ kind: "reassigned", state: "pending", sentAt: "2026-07-28T08:00:00.000Z" })]);
    const night = assigned.find((a) => a.postId.endsWith("-night"))!;
    expect(await page(night.staffId)).toMatchObject({ current: undefined, next: expect.objectContaining({ postId: night.postId }) });
    await expect(page("nobody")).rejects.toMatchObject({ code: "STAFF_NOT_FOUND", status: 404 });
  });

  it("lets a person acknowledge their own notice once, and answers another person's notice id with 404", async () => {
    const [a, b] = assigned;
    const notice = (await page(a.staffId)).notices[0];
    const answered = await answerNotice(deps(), a.staffId, notice.id, { decline: false }, "t-ack");
    expect(answered.notice).toMatchObject({ id: notice.id, state: "acknowledged", answeredAt: "2026-07-28T08:00:00.000Z" });
    expect(answered.replacement).toBeUndefined();
    // The answer says which shelter's post it is about, as the reassignment did.
    const ack = await nats.backbone.jsm.streams.getMessage(streams.staff.name, { last_by_subj: eventTypes.staffAcknowledged.subject });
    expect(StaffAnswered.decode(ack.data)).toMatchObject({ noticeId: notice.id, facilityId: notice.duty!.facilityId, serviceId: "" });
    expect((await answerNotice(deps(), a.staffId, notice.id, { decline: false }, "t-ack")).notice?.state).toBe("acknowledged");
    await expect(answerNotice(deps(), a.staffId, notice.id, { decline: true, reason: "体調不良" }, "t")).rejects.toMatchObject({
      code: "NOTICE_ALREADY_ANSWERED",
      status: 409,
    });
    await expect(answerNotice(deps(), b.staffId, notice.id, { decline: false }, "t")).rejects.toMatchObject({
      code: "NOTICE_NOT_FOUND",
      status: 404,
    });
    expect(await stored(eventTypes.staffAcknowledged.subject)).toBe(1);
  });

  it("takes a decliner off the post and tells a replacement at once, who is named in the answer", async () => {
    const decliner = assigned.find((a) => a.postId.startsWith("shelter:h2@") && a.postId.endsWith("-night"))!;
    const notice = (await page(decliner.staffId)).notices[0];
    await expect(answerNotice(deps(), decliner.staffId, notice.id, { decline: true, reason: " " }, "t")).rejects.toMatchObject({
      code: "DECLINE_REASON_INVALID",
      field: "reason",
    });
    const answer = await answerNotice(deps(), decliner.staffId, notice.id, { decline: true, reason: "家屋が被災" }, "t-decline");
    expect(answer.notice).toMatchObject({ state: "declined", reason: "家屋が被災" });
    const replacement = answer.replacement!;
    expect(replacement.staffId).not.toBe(decliner.staffId);
    expect(replacement.name).toBe(smallCity.staff.find((p) => p.id === replacement.staffId)!.name);
    expect(assigned.some((a) => a.staffId === replacement.staffId)).toBe(false);

    expect((await page(decliner.staffId)).next).toBeUndefined();
    const theirs = await page(replacement.staffId);
    expect(theirs.next?.postId).toBe(decliner.postId);
    expect(theirs.notices[0]).toMatchObject({ kind: "reassigned", state: "pending" });
    const onPost = book.inForce!.plan.assignments.filter((a) => a.postId === decliner.postId).map((a) => a.staffId);
    expect(onPost).toContain(replacement.staffId);
    expect(onPost).not.toContain(decliner.staffId);
    expect(await stored(eventTypes.staffDeclined.subject)).toBe(1);
  });

  it("shows the plan in force after the decline: the replacement covers the position, and the roster lists each person's duty now and next", async () => {
    const now = readCoverage({ roster: smallCity, book });
    expect(now.planId).toBe(book.inForce!.id);
    expect(now.positionsCovered).toBe(assigned.length);
    expect(now.perWard.find((c) => c.key === "東区")).toMatchObject({ required: 19 });
    expect(now.floors.every((f) => f.released === 0 || f.margin >= 0)).toBe(true);
    const roster = readDutyRoster({ roster: smallCity, duties, clock });
    // Only shifts not yet over were planned (the evening under way, the night, tomorrow's day): all are on the roster.
    expect(book.inForce!.plan.assignments.some((a) => a.postId.endsWith("2026-07-28-day"))).toBe(false);
    const onDuty = new Set(book.inForce!.plan.assignments.map((a) => a.staffId));
    expect(new Set(roster.entries.map((e) => e.staffId))).toEqual(onDuty);
    const evening = roster.entries.find((e) => e.current?.postId.endsWith("-evening"))!;
    expect(evening).toMatchObject({ state: expect.stringMatching(/pending|acknowledged/), minutesOnDuty: 0, next: undefined });
  });

  it("reminds after 30 minutes without an answer, escalates to the department's head 30 minutes later with a proposal, and no tick repeats itself", async () => {
    const pendingBefore = [...duties.all()]
      .flatMap((r) => r.notices)
      .filter((n) => n.kind === "reassigned" && n.state === "pending").length;
    expect(pendingBefore).toBeGreaterThan(5);
    expect(await remindUnanswered({ ...deps(), times, logger: quietLogger })).toEqual({ reminded: 0, escalated: 0 });

    clock.advance(minutes(30));
    const first = await remindUnanswered({ ...deps(), times, logger: quietLogger });
    expect(first).toEqual({ reminded: pendingBefore, escalated: 0 });
    expect(await remindUnanswered({ ...deps(), times, logger: quietLogger })).toEqual({ reminded: 0, escalated: 0 });
    expect(await stored(eventTypes.staffReminded.subject)).toBe(pendingBefore);
    const someone = assigned.find((a) => a.postId.endsWith("-night") && a.postId.startsWith("shelter:h1@"))!;
    const theirs = await page(someone.staffId);
    expect(theirs.notices[0]).toMatchObject({
      kind: "reminder",
      state: "pending",
      duty: expect.objectContaining({ postId: someone.postId }),
    });
    const tally = readAcknowledgements({ roster: smallCity, duties, clock, remindAfterMs: times.remindAfterMs });
    expect(tally.all).toMatchObject({ acknowledged: 1, declined: 1 });
    expect(tally.all!.overdue).toBe(tally.all!.pending);
    expect(tally.all!.pending).toBeGreaterThanOrEqual(pendingBefore);
    expect(tally.byDepartment.reduce((n, d) => n + d.total, 0)).toBe(tally.all!.total);

    // Answering the reminder answers the notice it reminds of.
    const acked = await answerNotice(deps(), someone.staffId, theirs.notices[0].id, { decline: false }, "t");
    expect(acked.notice).toMatchObject({ kind: "reassigned", state: "acknowledged" });

    clock.advance(minutes(30));
    const second = await remindUnanswered({ ...deps(), times, logger: quietLogger });
    expect(second).toEqual({ reminded: 0, escalated: pendingBefore - 1 });
    const escalations = await nats.backbone.jsm.streams.getMessage(streams.staff.name, { last_by_subj: eventTypes.staffReminded.subject });
    const last = StaffReminded.decode(escalations.data);
    expect(last).toMatchObject({ attempt: 2, escalatedTo: last.staffId, aboutStaffId: expect.any(String) });
    const person = smallCity.staff.find((p) => p.id === last.aboutStaffId)!;
    expect(smallCity.staff.find((p) => p.id === last.staffId)!.department).toBe(person.department);
    const head = await page(last.staffId);
    expect(head.notices.find((n) => n.reason.includes(`（${person.id}）`))).toMatchObject({ kind: "reminder", state: "pending" });
    expect(await remindUnanswered({ ...deps(), times, logger: quietLogger })).toEqual({ reminded: 0, escalated: 0 });
  });

  it("lets an officer replace someone who still has not answered: the replacement is told, the person released with the reason", async () => {
    const silent = [...duties.all()].find((r) =>
      r.notices.some((n) => n.kind === "reassigned" && n.state === "pending" && n.escalatedAt && n.duty?.postId.startsWith("shelter:h1@")),
    )!;
    const postId = silent.duties[0]!.postId;
    // The officer finds them by name among the oldest unanswered, marked overdue and escalated.
    const { unanswered } = readAcknowledgements({ roster: smallCity, duties, clock, remindAfterMs: times.remindAfterMs });
    expect(unanswered.find((u) => u.staffId === silent.staffId)).toMatchObject({
      postId,
      overdue: true,
      escalated: true,
      name: expect.any(String),
    });
    expect(unanswered.map((u) => u.sentAt)).toEqual([...unanswered.map((u) => u.sentAt)].sort());
    const before = await stored(eventTypes.staffReassigned.subject);
    const request = { staffId: silent.staffId, postId, reason: "", replacedBy: "officer@city" };
    await expect(replaceOnPost(deps(), request, "t")).rejects.toMatchObject({ code: "REPLACE_REASON_INVALID", field: "reason" });
    expect(book.inForce!.plan.assignments.some((a) => a.staffId === silent.staffId && a.postId === postId)).toBe(true);

    const answer = await replaceOnPost(deps(), { ...request, reason: "エスカレーション後も応答なし" }, "t");
    expect(answer.replacement?.staffId).toBeDefined();
    const onPost = book.inForce!.plan.assignments.filter((a) => a.postId === postId).map((a) => a.staffId);
    expect(onPost).toContain(answer.replacement!.staffId);
    expect(onPost).not.toContain(silent.staffId);
    expect(await stored(eventTypes.staffReassigned.subject)).toBe(before + 1);
    expect((await page(answer.replacement!.staffId)).notices[0]).toMatchObject({ kind: "reassigned", state: "pending" });
    const theirs = await page(silent.staffId);
    expect(theirs).toMatchObject({ current: undefined, next: undefined });
    expect(theirs.notices[0]).toMatchObject({ kind: "released", reason: "エスカレーション後も応答なし (replaced by officer@city)" });
    await expect(replaceOnPost(deps(), { ...request, reason: "again" }, "t")).rejects.toMatchObject({ code: "ASSIGNMENT_NOT_FOUND" });
  });

  it("releases the people of a closed shelter's shifts not yet started, and lets the shift under way finish", async () => {
    clock.set("2026-07-28T09:00:00Z");
    const release = () => releaseEndedPosts({ ...deps(), planner, templates });
    expect(await release()).toBe(0);
    planner.restoreShelter(shelterEvent("h2", "東区", "2026-07-28T09:00:00Z", false));
    // The night and tomorrow's day shift have not started.
    const night = book.inForce!.plan.assignments.filter((a) => a.postId.startsWith("shelter:h2@") && !a.postId.endsWith("-evening"));
    const evening = book.inForce!.plan.assignments.find((a) => a.postId.startsWith("shelter:h2@") && a.postId.endsWith("-evening"))!;
    expect(night.map((a) => a.postId.slice(a.postId.indexOf("@") + 1))).toEqual(
      expect.arrayContaining(["2026-07-28-night", "2026-07-29-day"]),
    );
    expect(await release()).toBe(night.length);
    for (const a of night) {
      const theirs = await page(a.staffId);
      expect(theirs).toMatchObject({ current: undefined, next: undefined });
      expect(theirs.notices[0]).toMatchObject({ kind: "released", duty: expect.objectContaining({ postId: a.postId }) });
    }
    expect((await page(evening.staffId)).current?.postId).toBe(evening.postId);
    expect(book.inForce!.plan.assignments.some((a) => a.postId.startsWith("shelter:h2@") && !a.postId.endsWith("-evening"))).toBe(false);
    expect(await release()).toBe(0);
  });

  it("keeps every record across a restart (a fresh book on the same bucket)", async () => {
    const again = await kvDutyBook(nats.backbone.js, 1, quietLogger);
    try {
      expect([...again.all()].length).toBe([...duties.all()].length);
      const [a] = assigned;
      expect((await again.get(a.staffId))?.notices[0].state).toBe("acknowledged");
    } finally {
      again.stop();
    }
  });

  it("releases everyone at the stand-down with a notice, and records the minutes they served", async () => {
    const evening = assigned.find((a) => a.postId.endsWith("-evening"))!;
    clock.set("2026-07-28T09:00:00Z");
    planner.restoreMode({ ...eastEmergency, level: ModeLevel.MODE_LEVEL_NORMAL, declaredAt: "2026-07-28T09:05:00Z" });
    planner.restoreShelter(shelterEvent("h1", "東区", "2026-07-28T09:05:00Z", false));
    planner.restoreShelter(shelterEvent("h2", "東区", "2026-07-28T09:05:00Z", false));
    const stillOn = new Set(book.inForce!.plan.assignments.map((a) => a.staffId)).size;
    const releasedBefore = await stored(eventTypes.staffReleased.subject);
    const plan = await propose();
    const applied = await apply(plan.planId);
    expect(applied.released).toBe(stillOn);
    const released = await page(evening.staffId);
    expect(released).toMatchObject({ current: undefined, next: undefined });
    expect(released.notices[0]).toMatchObject({
      kind: "released",
      state: "pending",
      duty: expect.objectContaining({ postId: evening.postId }),
    });
    // On the evening shift from 15:00 to the release at 18:00 Kumamoto time.
    expect((await duties.get(evening.staffId))!.minutesOnDuty).toBe(180);
    expect(await stored(eventTypes.staffReleased.subject)).toBe(releasedBefore + applied.released);
  });
});
