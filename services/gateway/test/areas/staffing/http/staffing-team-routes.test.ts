import pino from "pino";
import { AppError } from "@crisis/platform/contracts";
import { unaryHandler } from "@crisis/platform";
import type { DeclareTeamOutRequest, PlanTeamsRequest, TeamsNow } from "@crisis/platform/contracts/staffing";
import { NatsServerHandle, startNatsServer } from "@crisis/platform/testing";
import { teamAnswers } from "../../../../src/areas/staffing/http/schemas";
import { LocalIdp, startLocalIdp } from "../../../adapters/auth/local-idp";
import { GatewayUnderTest, startGateway } from "../../../adapters/gateway-under-test";

const logger = pino({ level: "silent" });
const margins = [
  { skill: "", minimum: 2, have: 3, margin: 1 },
  { skill: "保健師", minimum: 1, have: 1, margin: 0 },
];
const now: TeamsNow = {
  today: "2026-07-28",
  departments: [
    {
      department: "hoken",
      name: "中央区保健センター",
      unit: "day",
      firstDay: "2026-07-28",
      teams: [
        {
          teamId: "hoken.A",
          letter: "A",
          size: 3,
          atDesk: 3,
          margins,
          officeToday: false,
          outUntil: "2026-08-04T00:00:00.000Z",
          outReason: "陽性者",
          staffIds: ["1", "2", "3"],
        },
        {
          teamId: "hoken.B",
          letter: "B",
          size: 4,
          atDesk: 3,
          margins,
          officeToday: true,
          outUntil: "",
          outReason: "",
          staffIds: ["4", "5", "6", "7"],
        },
      ],
      shortFloors: [],
      days: [
        { date: "2026-07-28", officeTeamId: "hoken.B", outTeamIds: ["hoken.A"] },
        { date: "2026-07-29", officeTeamId: "hoken.B", outTeamIds: ["hoken.A"] },
      ],
      officeToday: 4,
      homeToday: 0,
      outToday: 3,
    },
  ],
};

/**
 * The continuity team routes against a stand-in staffing: roles, the bodies refused with the field
 * named before staffing is asked, the shapes the console and staff page read, and the rota CSV.
 */
describe("the continuity team routes", () => {
  const plans: PlanTeamsRequest[] = [];
  const outs: DeclareTeamOutRequest[] = [];
  const impl = {
    planTeams: unaryHandler(logger, "PlanTeams", async (r: PlanTeamsRequest) => {
      plans.push(r);
      if (r.settings.some((s) => s.department === "nowhere"))
        throw new AppError("TEAM_DEPARTMENT_UNKNOWN", 422, `no department "nowhere" in the roster`, "departments[0].department");
      return {
        departments: [
          {
            department: "hoken",
            name: "中央区保健センター",
            unit: "day",
            moves: 0,
            teams: [{ teamId: "hoken.A", letter: "A", staffIds: ["1"], atDesk: 1, margins }],
          },
        ],
        short: [
          {
            department: "kikaku",
            skill: "保健師",
            minimum: 1,
            needed: 2,
            available: 1,
            short: 1,
            explanation: "企画課: 2 teams of at least 1 保健師 holders need 2, 1 are at their desks: short by 1",
          },
        ],
        moves: 0,
      };
    }),
    declareTeamOut: unaryHandler(logger, "DeclareTeamOut", async (r: DeclareTeamOutRequest) => {
      outs.push(r);
      if (r.teamId !== "hoken.A") throw new AppError("TEAM_NOT_FOUND", 404, `no team ${r.teamId} in the team plan in force`, "id");
      return { teamId: r.teamId, until: new Date(r.until).toISOString(), shortFloors: [], replaced: 2, open: 0 };
    }),
    endTeamOut: unaryHandler(logger, "EndTeamOut", async (r: { teamId: string }) => {
      throw new AppError("TEAM_NOT_OUT", 409, `team ${r.teamId} is not out`, "id");
    }),
    getTeams: unaryHandler(logger, "GetTeams", async () => now),
    getMyTeam: unaryHandler(logger, "GetMyTeam", async ({ staffId }: { staffId: string }) =>
      staffId === "1"
        ? {
            found: true,
            department: "hoken",
            departmentName: "中央区保健センター",
            teamId: "hoken.A",
            letter: "A",
            outUntil: "2026-08-04T00:00:00.000Z",
            outReason: "陽性者",
            officeDays: [],
          }
        : { found: false, department: "", departmentName: "", teamId: "", letter: "", outUntil: "", outReason: "", officeDays: [] },
    ),
  };
  let nats: NatsServerHandle;
  let idp: LocalIdp;
  let gw: GatewayUnderTest;
  const officer = { roles: ["staffing_officer" as const] };

  beforeAll(async () => {
    [nats, idp] = await Promise.all([startNatsServer(), startLocalIdp()]);
    gw = await startGateway(nats, idp, { staffing: impl });
  });
  afterAll(async () => {
    await gw.stop();
    await Promise.all([nats.stop(), idp.stop()]);
  });

  it("plans teams for the staffing officer only, naming the floor no split can meet", async () => {
    const body = {
      departments: [{ department: "hoken", teams: 2, skills: { 保健師: 1 } }],
      everyDepartment: { teams: 3, unit: "week" },
      firstDay: "2026-07-28",
      apply: true,
    };
    const res = await gw.call("POST", "/api/v1/staffing/teams", { as: officer, body });
    expect(res.status).toBe(200);
    expect(plans.at(-1)).toMatchObject({
      settings: [{ department: "hoken", teams: 2, unit: "day", skillFloors: { 保健師: 1 } }],
      everyDepartment: { teams: 3, unit: "week" },
      firstDay: "2026-07-28",
      apply: true,
    });
    expect(teamAnswers.plan.parse(res.body)).toEqual(res.body);
    expect(res.body.short[0]).toMatchObject({ department: "kikaku", skill: "保健師", short: 1 });
    expect(res.body.departments[0].teams[0]).toMatchObject({
      id: "hoken.A",
      size: 1,
      margins: [
        { skill: null, margin: 1 },
        { skill: "保健師", margin: 0 },
      ],
    });
    expect((await gw.call("POST", "/api/v1/staffing/teams", { as: { roles: ["manager"] }, body })).status).toBe(403);
  });

  it("still takes every_department and first_day for one release with a Deprecation header; both spellings differing are refused", async () => {
    const old = { every_department: { teams: 2 }, first_day: "2026-07-29" };
    const res = await gw.call("POST", "/api/v1/staffing/teams", { as: officer, body: old });
    expect(res.status).toBe(200);
    expect(res.headers.get("deprecation")).toBe("@1796601600");
    expect(plans.at(-1)).toMatchObject({ everyDepartment: { teams: 2 }, firstDay: "2026-07-29" });
    expect(res.body.firstDay).toBe("2026-07-29");
    const before = plans.length;
    const both = await gw.call("POST", "/api/v1/staffing/teams", { as: officer, body: { ...old, firstDay: "2026-07-30" } });
    expect(both.body).toMatchObject({ status: 400, code: "SPELLINGS_DIFFER", field: "firstDay" });
    expect(plans.length).toBe(before);
  });

  it("refuses bad plans and outs with problem+json naming the field, asking staffing nothing", async () => {
    const [planned, declared] = [plans.length, outs.length];
    const badPlans: [unknown, string][] = [
      [{ departments: [{ department: "hoken", teams: 4 }], firstDay: "2026-07-28" }, "departments[0].teams"],
      [{ departments: [{ department: "hoken", teams: 2 }], firstDay: "28/07/2026" }, "firstDay"],
      [{ firstDay: "2026-07-28" }, "departments"],
      [
        { departments: [{ department: "hoken", teams: 2, skills: { 保健師: -1 } }], firstDay: "2026-07-28" },
        "departments[0].skills.保健師",
      ],
    ];
    for (const [body, field] of badPlans) {
      const res = await gw.call("POST", "/api/v1/staffing/teams", { as: officer, body });
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body).toMatchObject({ status: 422, field });
    }
    for (const [body, field] of [
      [{ until: "2026-08-04T09:00:00+09:00" }, "reason"],
      [{ reason: "陽性者", until: "next week" }, "until"],
      [{ reason: " ", until: "2026-08-04T09:00:00+09:00" }, "reason"],
    ] as const) {
      const res = await gw.call("POST", "/api/v1/staffing/teams/hoken.A/out", { as: officer, body });
      expect(res.body).toMatchObject({ status: 422, field });
    }
    expect([plans.length, outs.length]).toEqual([planned, declared]);
    const unknown = await gw.call("POST", "/api/v1/staffing/teams", {
      as: officer,
      body: { departments: [{ department: "nowhere", teams: 2 }], firstDay: "2026-07-28" },
    });
    expect(unknown.body).toMatchObject({ status: 422, code: "TEAM_DEPARTMENT_UNKNOWN", field: "departments[0].department" });
  });

  it("declares a team out and ends it, passing staffing's refusals on", async () => {
    const res = await gw.call("POST", "/api/v1/staffing/teams/hoken.A/out", {
      as: officer,
      body: { reason: "陽性者", until: "2026-08-04T09:00:00+09:00" },
    });
    expect(res.body).toEqual({ teamId: "hoken.A", until: "2026-08-04T00:00:00.000Z", shortFloors: [], postsReplaced: 2, postsOpen: 0 });
    expect(
      (
        await gw.call("POST", "/api/v1/staffing/teams/nowhere.A/out", {
          as: officer,
          body: { reason: "陽性者", until: "2026-08-04T09:00:00+09:00" },
        })
      ).body,
    ).toMatchObject({ status: 404, code: "TEAM_NOT_FOUND" });
    expect((await gw.call("DELETE", "/api/v1/staffing/teams/hoken.B/out", { as: officer })).body).toMatchObject({
      status: 409,
      code: "TEAM_NOT_OUT",
    });
  });

  it("shows managers and officers the teams with their margins and today's split, and the rota as CSV", async () => {
    const res = await gw.call("GET", "/api/v1/staffing/teams", { as: { roles: ["manager"] } });
    expect(teamAnswers.rotas.parse(res.body)).toEqual(res.body);
    expect(res.body.departments[0]).toMatchObject({
      floorsMet: true,
      today: { office: 4, home: 0, out: 3 },
      teams: [
        expect.objectContaining({ id: "hoken.A", out: { until: "2026-08-04T00:00:00.000Z", reason: "陽性者" } }),
        expect.objectContaining({ id: "hoken.B", officeToday: true, out: null }),
      ],
    });
    const csv = await gw.call("GET", "/api/v1/staffing/teams/rota.csv", { as: officer });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(
      csv.text
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .slice(0, 3),
    ).toEqual([
      "date,department,departmentName,team,place,members",
      "2026-07-28,hoken,中央区保健センター,hoken.A,out,3",
      "2026-07-28,hoken,中央区保健センター,hoken.B,office,4",
    ]);
    expect((await gw.call("GET", "/api/v1/staffing/teams", { as: { roles: ["staff"], sub: "1" } })).status).toBe(403);
    expect((await gw.call("GET", "/api/v1/staffing/teams?days=0", { as: officer })).body).toMatchObject({ status: 422, field: "days" });
  });

  it("shows a staff member their own team and office days", async () => {
    const mine = await gw.call("GET", "/api/v1/staff/me/team", { as: { roles: ["staff"], sub: "1" } });
    expect(teamAnswers.mine.parse(mine.body)).toEqual(mine.body);
    expect(mine.body).toEqual({
      team: {
        id: "hoken.A",
        letter: "A",
        department: "hoken",
        departmentName: "中央区保健センター",
        out: { until: "2026-08-04T00:00:00.000Z", reason: "陽性者" },
        officeDays: [],
      },
    });
    expect((await gw.call("GET", "/api/v1/staff/me/team", { as: { roles: ["staff"], sub: "9" } })).body).toEqual({ team: null });
  });
});
