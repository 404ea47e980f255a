import { FastifyInstance } from "fastify";
import { StaffingTeams } from "../app/ports";
import { declareTeamOut, endTeamOut, planTeams, readMyTeam, readTeamRotaCsv, readTeams } from "../app/staffing-teams";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { teamAnswers, teamOutBody, teamPlanBody, teamsQuery } from "./schemas";

const readers = ["manager", "staffing_officer"] as const;

export const staffingTeamApi = {
  plan: declareRoute({
    method: "POST",
    url: "/api/v1/staffing/teams",
    summary:
      "Split departments into continuity teams (班, 2 or 3 each) that alone meet the department's floors; with apply, each split becomes the department's office/home rota from firstDay",
    roles: ["staffing_officer"],
    body: teamPlanBody,
    responses: {
      200: "the teams with each one's margin over every floor, people moved from the last split, and each floor no split can meet",
    },
    answers: { 200: teamAnswers.plan },
    problems: { 422: "BODY_INVALID, or TEAM_DEPARTMENT_UNKNOWN naming departments[i].department" },
  }),
  rotas: declareRoute({
    method: "GET",
    url: "/api/v1/staffing/teams",
    summary: "The rotas in force: each team's margin over every floor now, who is at the office, at home or out today, the floors not met",
    roles: readers,
    query: teamsQuery,
    responses: { 200: "the departments with teams" },
    answers: { 200: teamAnswers.rotas },
  }),
  rotaCsv: declareRoute({
    method: "GET",
    url: "/api/v1/staffing/teams/rota.csv",
    summary: "The team rota as CSV: one row per day and team (office, home or out), dates in Asia/Tokyo",
    roles: readers,
    query: teamsQuery,
    responses: { 200: "text/csv" },
  }),
  out: declareRoute({
    method: "POST",
    url: "/api/v1/staffing/teams/:id/out",
    summary:
      "A team is out until `until` (declared again: the end moves): its members stay home, the other teams come in by the rota's fallback, its posts in the plan in force are re-planned, and everyone is told",
    roles: ["staffing_officer"],
    body: teamOutBody,
    responses: { 200: "the floors the teams still in cannot hold, posts replaced and left open" },
    answers: { 200: teamAnswers.out },
    problems: { 404: "TEAM_NOT_FOUND", 422: "BODY_INVALID, TEAM_OUT_UNTIL_INVALID" },
  }),
  back: declareRoute({
    method: "DELETE",
    url: "/api/v1/staffing/teams/:id/out",
    summary: "A team out is back early: it is on the rota again from now and everyone is told their office days",
    roles: ["staffing_officer"],
    responses: { 200: "the team" },
    answers: { 200: teamAnswers.ended },
    problems: { 404: "TEAM_NOT_FOUND", 409: "TEAM_NOT_OUT" },
  }),
  mine: declareRoute({
    method: "GET",
    url: "/api/v1/staff/me/team",
    summary: "The caller's continuity team and office days over the next two weeks (token subject = staff id)",
    roles: ["staff"],
    responses: { 200: "the team, or team: null" },
    answers: { 200: teamAnswers.mine },
  }),
};

/**
 * Continuity teams (班): the staffing officer plans and applies the split and declares a team out
 * (again: the end moves; DELETE: it ends early); managers and staffing officers read the rotas;
 * each person reads their own team and office days.
 */
export function staffingTeamRoutes(app: FastifyInstance, teams: StaffingTeams) {
  serve(app, staffingTeamApi.plan, async ({ request, body }) =>
    planTeams(
      teams,
      { departments: body.departments, every: body.everyDepartment, firstDay: body.firstDay, apply: body.apply },
      request.id,
    ),
  );
  serve(app, staffingTeamApi.rotas, async ({ request, query: { days } }) => readTeams(teams, days, request.id));
  serve(app, staffingTeamApi.rotaCsv, async ({ request, reply, query: { days } }) => {
    const csv = await readTeamRotaCsv(teams, days, request.id);
    return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="team-rota.csv"').send(csv);
  });
  serve(app, staffingTeamApi.out, async ({ request, params, body: { reason, until } }) =>
    declareTeamOut(teams, params.id, reason, until, request.id),
  );
  serve(app, staffingTeamApi.back, async ({ request, params }) => endTeamOut(teams, params.id, request.id));
  serve(app, staffingTeamApi.mine, async ({ request, caller: me }) => readMyTeam(teams, me.subject, request.id));
}
