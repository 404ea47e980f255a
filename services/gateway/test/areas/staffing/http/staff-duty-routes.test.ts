import pino from "pino";
import { AppError } from "@crisis/platform/contracts";
import { unaryHandler } from "@crisis/platform";
import { AnswerNoticeRequest, ReplaceOnPostRequest, DutyNotice, StaffDuties } from "@crisis/platform/contracts/duties";
import { DutiesServiceServer } from "@crisis/platform/contracts/duties_service";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { dutyAnswers } from "../../../../src/areas/staffing/http/schemas";
import { LocalIdp, startLocalIdp } from "../../../adapters/auth/local-idp";
import { GatewayUnderTest, startGateway } from "../../../adapters/gateway-under-test";

const logger = pino({ level: "silent" });
const duty = {
  postId: "shelter:ref:E1@2026-07-28-evening",
  postName: "五福小学校 避難所運営 (2026-07-28-evening)",
  facilityId: "ref:E1",
  facilityName: "五福小学校",
  ward: "中央区",
  duty: "避難所運営",
  startsAt: "2026-07-28T06:00:00.000Z",
  endsAt: "2026-07-28T14:00:00.000Z",
  reportTo: "五福小学校 責任者",
  reportToPhone: "",
  address: "",
  latitude: 0,
  longitude: 0,
  bring: [],
};
const noticeOf = (id: string): DutyNotice => ({
  id,
  kind: "reassigned",
  duty,
  sentAt: "2026-07-28T05:00:00.000Z",
  state: "pending",
  answeredAt: "",
  reason: "",
});

/** The acknowledgement progress staffing answers apart from the totals, which the route passes on as it is. */
const progress = {
  byDepartment: [
    { department: "kikikanri", departmentName: "危機管理防災課", total: 3, acknowledged: 1, declined: 1, pending: 1, overdue: 1 },
  ],
  unanswered: [
    {
      staffId: "S1",
      name: "熊本 花子",
      department: "kikikanri",
      postId: duty.postId,
      place: "五福小学校",
      duty: "避難所運営",
      startsAt: duty.startsAt,
      sentAt: "2026-07-28T05:00:00.000Z",
      overdue: true,
      escalated: false,
    },
  ],
};

/**
 * The staff routes against a stand-in staffing that keeps one notice per person and, like the real
 * one, finds only the caller's own: the routes' work (the token's subject as the staff id, roles,
 * the decline's reason, the snake_case shapes the pages read) is what is tested here.
 */
describe("the staff duty routes", () => {
  const notices = new Map([
    ["S1", noticeOf("n-1")],
    ["S2", noticeOf("n-2")],
  ]);
  const answers: AnswerNoticeRequest[] = [];
  const replacements: ReplaceOnPostRequest[] = [];
  const impl: DutiesServiceServer = {
    getStaffDuties: unaryHandler(logger, "GetStaffDuties", async ({ staffId }): Promise<StaffDuties> => {
      const notice = notices.get(staffId);
      if (!notice) throw new AppError("STAFF_NOT_FOUND", 404, `no staff member "${staffId}"`, "staffId");
      return { staffId, name: `職員 ${staffId}`, current: duty, next: undefined, notices: [notice] };
    }),
    answerNotice: unaryHandler(logger, "AnswerNotice", async (req) => {
      answers.push(req);
      const notice = notices.get(req.staffId);
      if (notice?.id !== req.noticeId) throw new AppError("NOTICE_NOT_FOUND", 404, `notice "${req.noticeId}" does not exist`, "noticeId");
      const answered = {
        ...notice,
        state: req.decline ? "declined" : "acknowledged",
        answeredAt: "2026-07-28T05:10:00.000Z",
        reason: req.reason,
      };
      return { notice: answered, replacement: req.decline ? { staffId: "S9", name: "職員 S9" } : undefined };
    }),
    replaceOnPost: unaryHandler(logger, "ReplaceOnPost", async (req) => {
      replacements.push(req);
      if (req.staffId !== "S1") {
        throw new AppError("ASSIGNMENT_NOT_FOUND", 404, `staff "${req.staffId}" is not on post "${req.postId}"`, "staffId");
      }
      return { staffId: req.staffId, postId: req.postId, replacement: { staffId: "S9", name: "職員 S9" } };
    }),
    getAcknowledgements: unaryHandler(logger, "GetAcknowledgements", async () => ({
      all: { department: "", departmentName: "", total: 3, acknowledged: 1, declined: 1, pending: 1, overdue: 1 },
      ...progress,
    })),
    getDutyRoster: unaryHandler(logger, "GetDutyRoster", async () => ({
      entries: [
        {
          staffId: "S1",
          name: "熊本 花子",
          department: "kikikanri",
          current: duty,
          next: undefined,
          duties: [duty],
          state: "acknowledged",
          minutesOnDuty: 90,
        },
      ],
    })),
    getCoverage: unaryHandler(logger, "GetCoverage", async () => ({
      planId: "p-1",
      positionsRequired: 3,
      positionsCovered: 2,
      perPost: [{ key: duty.postId, required: 3, covered: 2 }],
      perWard: [{ key: "中央区", required: 3, covered: 2 }],
      perSkill: [{ key: "避難所運営研修", required: 1, covered: 1 }],
      floors: [{ department: "kikikanri", departmentName: "危機管理課", floor: 5, present: 9, released: 2, margin: 2, heldBack: [] }],
    })),
  };
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  const as = (sub: string) => ({ roles: ["staff" as const], sub });

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { duties: impl });
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("shows a staff token its own duties, in the shape the staff page reads", async () => {
    const res = await gw.call("GET", "/api/v1/staff/me/duties", { as: as("S1") });
    expect(res.status).toBe(200);
    expect(dutyAnswers.duties.parse(res.body)).toEqual(res.body);
    expect(res.body).toMatchObject({ staffId: "S1", next: null, current: { facilityId: "ref:E1", reportTo: "五福小学校 責任者" } });
    expect(res.body.notices).toEqual([
      expect.objectContaining({ id: "n-1", state: "pending", duty: expect.objectContaining({ postId: duty.postId }) }),
    ]);
    expect(res.body.notices[0]).not.toHaveProperty("answeredAt");
  });

  it("answers a staff token that names another person's notice with 404, whether acknowledging or declining", async () => {
    const ack = await gw.call("POST", "/api/v1/staff/me/notices/n-2/ack", { as: as("S1") });
    expect(ack.body).toMatchObject({ status: 404, code: "NOTICE_NOT_FOUND" });
    const decline = await gw.call("POST", "/api/v1/staff/me/notices/n-2/decline", { as: as("S1"), body: { reason: "体調不良" } });
    expect(decline.body).toMatchObject({ status: 404, code: "NOTICE_NOT_FOUND" });
    expect(answers.slice(-2).map((a) => a.staffId)).toEqual(["S1", "S1"]);
  });

  it("acknowledges and declines the caller's own notices, the decline naming the replacement", async () => {
    const ack = await gw.call("POST", "/api/v1/staff/me/notices/n-1/ack", { as: as("S1") });
    expect(ack.status).toBe(200);
    expect(dutyAnswers.acknowledged.parse(ack.body)).toEqual(ack.body);
    expect(ack.body.notice).toMatchObject({ id: "n-1", state: "acknowledged", answeredAt: "2026-07-28T05:10:00.000Z" });
    const decline = await gw.call("POST", "/api/v1/staff/me/notices/n-2/decline", { as: as("S2"), body: { reason: "家屋が被災" } });
    expect(decline.status).toBe(200);
    expect(dutyAnswers.declined.parse(decline.body)).toEqual(decline.body);
    expect(decline.body).toEqual({
      notice: expect.objectContaining({ id: "n-2", state: "declined", reason: "家屋が被災" }),
      replacement: { staffId: "S9", name: "職員 S9" },
    });
  });

  it("refuses a decline without a reason (or over 500 characters) with 422 naming the field, asking staffing nothing", async () => {
    const before = answers.length;
    for (const body of [{}, { reason: "  " }, { reason: "あ".repeat(501) }]) {
      const res = await gw.call("POST", "/api/v1/staff/me/notices/n-1/decline", { as: as("S1"), body });
      expect(res.body).toMatchObject({ status: 422, field: "reason" });
    }
    expect(answers.length).toBe(before);
  });

  it("lets managers and staffing officers read anyone's duties and the acknowledgement progress, but not staff", async () => {
    const officer = { roles: ["staffing_officer" as const] };
    expect((await gw.call("GET", "/api/v1/staff/S2/duties", { as: officer })).body).toMatchObject({ staffId: "S2" });
    expect((await gw.call("GET", "/api/v1/staff/nobody/duties", { as: { roles: ["manager"] } })).body).toMatchObject({
      status: 404,
      code: "STAFF_NOT_FOUND",
    });
    expect((await gw.call("GET", "/api/v1/staff/S2/duties", { as: as("S1") })).status).toBe(403);
    const tally = await gw.call("GET", "/api/v1/staffing/acknowledgements", { as: officer });
    expect(dutyAnswers.acknowledgements.parse(tally.body)).toEqual(tally.body);
    expect(tally.body).toEqual({
      total: 3,
      acknowledged: 1,
      declined: 1,
      pending: 1,
      overdue: 1,
      ...progress,
    });
    expect((await gw.call("GET", "/api/v1/staffing/acknowledgements", { as: as("S1") })).status).toBe(403);
  });

  it("lets an officer take someone off a post for a replacement, naming the officer; bad bodies and staff tokens change nothing", async () => {
    const officer = { roles: ["staffing_officer" as const], sub: "officer@city" };
    const body = { staffId: "S1", postId: duty.postId, reason: "エスカレーション後も応答なし" };
    const res = await gw.call("POST", "/api/v1/staffing/replacements", { as: officer, body });
    expect(res.status).toBe(200);
    expect(dutyAnswers.replaced.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual({ staffId: "S1", postId: duty.postId, replacement: { staffId: "S9", name: "職員 S9" } });
    expect(replacements.at(-1)).toEqual({
      staffId: "S1",
      postId: duty.postId,
      reason: "エスカレーション後も応答なし",
      replacedBy: "officer@city",
    });
    const missing = await gw.call("POST", "/api/v1/staffing/replacements", { as: officer, body: { ...body, staffId: "S2" } });
    expect(missing.body).toMatchObject({ status: 404, code: "ASSIGNMENT_NOT_FOUND", field: "staffId" });
    const before = replacements.length;
    const bad: [object, string][] = [
      [{ ...body, reason: " " }, "reason"],
      [{ ...body, postId: "" }, "postId"],
      [{ staffId: "S1", reason: "x" }, "postId"],
    ];
    for (const [refusedBody, field] of bad) {
      const refused = await gw.call("POST", "/api/v1/staffing/replacements", { as: officer, body: refusedBody });
      expect(refused.body).toMatchObject({ status: 422, field });
    }
    expect((await gw.call("POST", "/api/v1/staffing/replacements", { as: as("S1"), body })).status).toBe(403);
    expect(replacements.length).toBe(before);
  });

  it("still takes staff_id and post_id for one release with a Deprecation header; both spellings differing are refused", async () => {
    const officer = { roles: ["staffing_officer" as const], sub: "officer@city" };
    const old = { staff_id: "S1", post_id: duty.postId, reason: "応答なし" };
    const res = await gw.call("POST", "/api/v1/staffing/replacements", { as: officer, body: old });
    expect(res.status).toBe(200);
    expect(res.headers.get("deprecation")).toBe("@1796601600");
    expect(res.headers.get("link")).toContain('rel="deprecation"');
    expect(replacements.at(-1)).toMatchObject({ staffId: "S1", postId: duty.postId });
    const before = replacements.length;
    const both = await gw.call("POST", "/api/v1/staffing/replacements", { as: officer, body: { ...old, staffId: "S2" } });
    expect(both.body).toMatchObject({ status: 400, code: "SPELLINGS_DIFFER", field: "staffId" });
    expect(replacements.length).toBe(before);
  });

  it("gives officers the coverage of the plan in force, each person's duty now and next, and the roster as CSV in Tokyo time", async () => {
    const officer = { roles: ["staffing_officer" as const] };
    const coverage = await gw.call("GET", "/api/v1/staffing/coverage", { as: officer });
    expect(dutyAnswers.coverage.parse(coverage.body)).toEqual(coverage.body);
    expect(coverage.body).toMatchObject({ planId: "p-1", positionsCovered: 2, floors: [{ department: "kikikanri", margin: 2 }] });
    const roster = await gw.call("GET", "/api/v1/staffing/roster", { as: { roles: ["manager"] } });
    expect(dutyAnswers.roster.parse(roster.body)).toEqual(roster.body);
    expect(roster.body.staff).toEqual([expect.objectContaining({ staffId: "S1", next: null, minutesOnDuty: 90 })]);

    const csv = await gw.call("GET", "/api/v1/staffing/roster.csv", { as: officer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, row, end] = csv.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe(
      "staffId,name,department,postId,postName,facilityId,facilityName,ward,duty,startsAt,endsAt,reportTo,state,minutesOnDuty",
    );
    expect(row).toBe(
      "S1,熊本 花子,kikikanri,shelter:ref:E1@2026-07-28-evening,五福小学校 避難所運営 (2026-07-28-evening),ref:E1,五福小学校,中央区,避難所運営,2026-07-28T15:00:00+09:00,2026-07-28T23:00:00+09:00,五福小学校 責任者,acknowledged,90",
    );
    expect(end).toBe("");
    expect((await gw.call("GET", "/api/v1/staffing/roster.csv", { as: as("S1") })).status).toBe(403);
  });
});
