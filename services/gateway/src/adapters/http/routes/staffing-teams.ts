import { FastifyInstance } from "fastify";
import { StaffingTeams } from "../../../app/ports";
import { declareTeamOut, endTeamOut, planTeams, readMyTeam, readTeamRotaCsv, readTeams } from "../../../app/staffing-teams";
import { Authenticate } from "../declared-routes";
import { parseBody, parseQuery, teamOutBody, teamPlanBody, teamsQuery } from "../schemas";

const readers = ["manager", "staffing_officer"] as const;

/**
 * Continuity teams (班): the staffing officer plans and applies the split and declares a team out
 * (again: the end moves; DELETE: it ends early); managers and staffing officers read the rotas;
 * each person reads their own team and office days.
 */
export function staffingTeamRoutes(app: FastifyInstance, teams: StaffingTeams, authenticate: Authenticate) {
  app.post("/api/v1/staffing/teams", async (request) => {
    await authenticate(request, "staffing_officer");
    const body = parseBody(teamPlanBody, request.body);
    return planTeams(
      teams,
      { departments: body.departments, every: body.every_department, firstDay: body.first_day, apply: body.apply },
      request.id,
    );
  });
  app.get("/api/v1/staffing/teams", async (request) => {
    await authenticate(request, readers);
    const { days } = parseQuery(teamsQuery, request.query);
    return readTeams(teams, days, request.id);
  });
  app.get("/api/v1/staffing/teams/rota.csv", async (request, reply) => {
    await authenticate(request, readers);
    const { days } = parseQuery(teamsQuery, request.query);
    const csv = await readTeamRotaCsv(teams, days, request.id);
    return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="team-rota.csv"').send(csv);
  });
  app.post<{ Params: { id: string } }>("/api/v1/staffing/teams/:id/out", async (request) => {
    await authenticate(request, "staffing_officer");
    const { reason, until } = parseBody(teamOutBody, request.body);
    return declareTeamOut(teams, request.params.id, reason, until, request.id);
  });
  app.delete<{ Params: { id: string } }>("/api/v1/staffing/teams/:id/out", async (request) => {
    await authenticate(request, "staffing_officer");
    return endTeamOut(teams, request.params.id, request.id);
  });
  app.get("/api/v1/staff/me/team", async (request) => {
    const me = await authenticate(request, "staff");
    return readMyTeam(teams, me.subject, request.id);
  });
}
