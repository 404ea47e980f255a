import {
  answerNotice,
  closeDuties,
  currentAndNext,
  dueSteps,
  dutyOf,
  emptyRecord,
  endedPosts,
  withNotice,
  type Notice,
  type StaffRecord,
} from "../../../src/domain";

const post = (id: string, start: string, hours: number) => ({
  id,
  place: "避難所 A",
  ward: "東区" as const,
  duty: "避難所運営",
  start: new Date(start),
  end: new Date(new Date(start).getTime() + hours * 3_600_000),
  positions: [{ skills: [], count: 1 }],
});
const evening = dutyOf({ ...post("shelter:A@2026-07-28-evening", "2026-07-28T06:00:00Z", 8), facilityId: "A" });
const night = dutyOf({ ...post("shelter:A@2026-07-28-night", "2026-07-28T14:00:00Z", 8), facilityId: "A" });
const told: Notice = { id: "n1", kind: "reassigned", duty: evening, sentAt: "2026-07-28T05:00:00.000Z", state: "pending" };
const record: StaffRecord = withNotice({ ...emptyRecord("S1"), duties: [evening, night] }, told);
const times = { remindAfterMs: 30 * 60_000, escalateAfterMs: 30 * 60_000 };

describe("a person's duties and notices (pure rules)", () => {
  it("says where, which facility and whom to report to, and which duty is current and next", () => {
    expect(evening).toMatchObject({
      facilityId: "A",
      facilityName: "避難所 A",
      reportTo: "避難所 A 責任者",
      endsAt: "2026-07-28T14:00:00.000Z",
    });
    expect(dutyOf({ ...post("call-centre@2026-07-28-day", "2026-07-27T22:00:00Z", 8) })).toMatchObject({ facilityId: "", serviceId: "" });
    // The place comes from the post as it was built, not from the shape of its id.
    expect(dutyOf({ ...post("counter:risai_home:東区@2026-07-28-day", "2026-07-27T22:00:00Z", 8), serviceId: "risai_home" })).toMatchObject(
      {
        facilityId: "",
        serviceId: "risai_home",
      },
    );
    expect(currentAndNext(record.duties, new Date("2026-07-28T07:00:00Z"))).toEqual({ current: evening, next: night });
    expect(currentAndNext(record.duties, new Date("2026-07-28T14:00:00Z"))).toEqual({ current: night, next: null });
  });

  it("counts the minutes of ended duties once, and cuts the duty under way short at a release", () => {
    const ended = closeDuties(record, new Date("2026-07-28T15:00:00Z"));
    expect(ended).toMatchObject({ duties: [night], minutesOnDuty: 480, lastDutyEnd: "2026-07-28T14:00:00.000Z" });
    expect(closeDuties(ended, new Date("2026-07-28T15:00:00Z"))).toBe(ended);
    expect(closeDuties(ended, new Date("2026-07-28T16:30:00Z"), true)).toMatchObject({
      duties: [],
      minutesOnDuty: 480 + 150,
      lastDutyEnd: "2026-07-28T16:30:00.000Z",
    });
    expect(closeDuties(record, new Date("2026-07-28T05:00:00Z"), true)).toMatchObject({ duties: [], minutesOnDuty: 0 });
  });

  it("answers a notice once; a decline needs a duty and takes it off the person", () => {
    const at = new Date("2026-07-28T05:10:00Z");
    const declined = answerNotice(record, "n1", { decline: true, reason: "家屋被災" }, at);
    expect(declined.notice).toMatchObject({ state: "declined", reason: "家屋被災", answeredAt: "2026-07-28T05:10:00.000Z" });
    expect(declined.record.duties).toEqual([night]);
    expect(answerNotice(declined.record, "n1", { decline: true, reason: "x" }, at).changed).toBe(false);
    expect(() => answerNotice(declined.record, "n1", { decline: false }, at)).toThrow(
      expect.objectContaining({ code: "NOTICE_ALREADY_ANSWERED" }),
    );
    expect(() => answerNotice(record, "other", { decline: false }, at)).toThrow(
      expect.objectContaining({ code: "NOTICE_NOT_FOUND", status: 404 }),
    );
    const release = withNotice(record, { id: "r1", kind: "released", duty: null, sentAt: "2026-07-28T05:00:00.000Z", state: "pending" });
    expect(() => answerNotice(release, "r1", { decline: true, reason: "x" }, at)).toThrow(
      expect.objectContaining({ code: "NOTICE_NOT_DECLINABLE" }),
    );
  });

  it("reminds after the reminder time, escalates after the next, and never for a duty that is over", () => {
    expect(dueSteps(record, new Date("2026-07-28T05:29:59Z"), times)).toEqual([]);
    expect(dueSteps(record, new Date("2026-07-28T05:30:00Z"), times)).toEqual([{ step: "remind", notice: told }]);
    const reminded = withNotice(record, { ...told, id: "unused" });
    const marked = {
      ...reminded,
      notices: reminded.notices.map((n) => (n.id === "n1" ? { ...n, remindedAt: "2026-07-28T05:30:00.000Z" } : n)),
    };
    expect(dueSteps(marked, new Date("2026-07-28T05:59:00Z"), times).filter((s) => s.notice.id === "n1")).toEqual([]);
    expect(dueSteps(marked, new Date("2026-07-28T06:00:00Z"), times).find((s) => s.notice.id === "n1")?.step).toBe("escalate");
    expect(dueSteps(record, new Date("2026-07-28T14:00:00Z"), times)).toEqual([]);
  });

  it("ends the posts whose source closed and whose shift has not started; the shift under way runs on", () => {
    const posts = [
      post("shelter:A@2026-07-28-evening", "2026-07-28T06:00:00Z", 8),
      post("shelter:A@2026-07-28-night", "2026-07-28T14:00:00Z", 8),
    ];
    const now = new Date("2026-07-28T09:00:00Z");
    expect(endedPosts(posts, new Set(["shelter:A"]), now)).toEqual([]);
    expect(endedPosts(posts, new Set(), now).map((p) => p.id)).toEqual(["shelter:A@2026-07-28-night"]);
  });
});
