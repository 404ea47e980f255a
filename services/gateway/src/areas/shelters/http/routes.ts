import { FastifyInstance } from "fastify";
import { z } from "zod";
import { operateShelter } from "../app/operate-shelter";
import { FacilitiesAdmin, StaffOnPost, ShelterCrowdingService } from "../../../app/ports";
import { findNearestShelters, readCrowding, readOccupancyHistory, readShelterCrowding } from "../../../app/read-crowding";
import { reportOccupancy } from "../app/report-occupancy";
import { shortOfSupplies } from "../domain/crowding-view";
import { ModeScope } from "../../../domain/facility-view";
import { noteChange } from "../../../adapters/http/audit";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import {
  crowdingAnswers,
  nearestQuery,
  occupancyBody,
  occupancyHistoryQuery,
  shelterAnswers,
  shelterBody,
  shelterListQuery,
} from "./schemas";

export const shelterApi = {
  operate: declareRoute({
    method: "PUT",
    url: "/api/v1/shelters/:id",
    summary: "Open or close one shelter (the same state again changes nothing)",
    roles: ["manager", "facility_admin"],
    body: shelterBody,
    responses: { 200: "{state, status, changed}" },
    problems: { 404: "FACILITY_NOT_FOUND", 422: "NOT_A_SHELTER" },
    answers: { 200: shelterAnswers.shelter },
  }),
  reportOccupancy: declareRoute({
    method: "POST",
    url: "/api/v1/shelters/:id/occupancy",
    summary: "Report a shelter's headcount and needs (staff on a post at that shelter now, or a manager)",
    roles: ["manager", "staff"],
    body: occupancyBody,
    responses: { 201: "{shelter, changed}: the shelter's crowding after the report, and the level change if any" },
    answers: { 201: crowdingAnswers.reported },
    problems: { 403: "NOT_ON_POST", 404: "FACILITY_NOT_FOUND", 409: "SHELTER_NOT_OPEN", 422: "NOT_A_SHELTER or a field at fault" },
  }),
  occupancy: declareRoute({
    method: "GET",
    url: "/api/v1/shelters/:id/occupancy",
    summary: "One shelter's crowding level, capacity (null: unknown) and latest report with its age",
    responses: { 200: "the shelter's crowding" },
    answers: { 200: crowdingAnswers.shelter },
    problems: { 404: "FACILITY_NOT_FOUND" },
  }),
  crowding: declareRoute({
    method: "GET",
    url: "/api/v1/shelters",
    summary: "Crowding of every open shelter (空き/やや混雑/混雑/満, unknown) and the sums per ward",
    query: shelterListQuery,
    responses: { 200: "{shelters, wards}" },
    answers: { 200: crowdingAnswers.list },
  }),
  history: declareRoute({
    method: "GET",
    url: "/api/v1/shelters/history",
    summary:
      "Occupancy over time as CSV, for a shelter (?facility=) or a ward (?ward=): every report, oldest first, or with ?by=hour per ward and hour",
    roles: ["manager", "facility_admin"],
    query: occupancyHistoryQuery,
    responses: {
      200: "text/csv: reportedAt, facilityId, name, ward, headcount, capacity, level, needs; ?by=hour: hour, ward, shelters, headcount, capacityKnown",
    },
  }),
  short: declareRoute({
    method: "GET",
    url: "/api/v1/shelters/short",
    summary:
      "Shelters whose latest report says water, food or blankets are running short or gone: those out of something first, then the oldest report",
    roles: ["manager", "facility_admin"],
    query: shelterListQuery,
    responses: { 200: "{shelters}: what each is out of and short of, its headcount and the report's age" },
    answers: {
      200: z.object({
        shelters: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            ward: z.string(),
            out: z.array(z.enum(["water", "food", "blankets"])),
            short: z.array(z.enum(["water", "food", "blankets"])),
            headcount: z.number().int(),
            reportedAt: z.string().nullable(),
            ageSeconds: z.number().int(),
            stale: z.boolean(),
            link: z.string(),
          }),
        ),
      }),
    },
  }),
  nearest: declareRoute({
    method: "GET",
    url: "/api/v1/shelters/nearest",
    summary: "The nearest open shelters with known room (a recent report below full), nearest first",
    query: nearestQuery,
    responses: { 200: "{shelters}: distance in metres, level, places left, link" },
    answers: { 200: crowdingAnswers.nearest },
  }),
};

export function shelterRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, mode: () => ModeScope) {
  serve(app, shelterApi.operate, async ({ request, params, body, caller: who }) => {
    const shelter = await operateShelter(facilities, params.id, body.state, body.reason, who.subject, request.id, mode());
    // The audit names the shelter as people know it, not only its id; the actor is added from the token.
    noteChange(request, {
      kind: body.state === "open" ? "shelter.opened" : "shelter.closed",
      what: JSON.stringify({
        facilityId: shelter.id,
        name: shelter.name,
        ward: shelter.ward,
        state: shelter.state,
        changed: shelter.changed,
      }),
      why: body.reason,
      facilityIds: [shelter.id],
    });
    return shelter;
  });
}

export interface CrowdingRouteDeps {
  crowding: ShelterCrowdingService;
  onDuty: StaffOnPost;
  now: () => Date;
}

/** Occupancy reports from shelters, crowding levels by shelter and ward, the nearest shelters with room. */
export function crowdingRoutes(app: FastifyInstance, deps: CrowdingRouteDeps) {
  // The body is checked before the post: a bad report is refused the same way whoever sends it.
  serve(app, shelterApi.reportOccupancy, async ({ request, reply, params, body, caller: who }) => {
    const manager = who.roles.includes("manager");
    return reply.code(201).send(await reportOccupancy(deps, { subject: who.subject, manager }, params.id, body, request.id));
  });
  serve(app, shelterApi.occupancy, async ({ request, params }) => readShelterCrowding(deps.crowding, params.id, request.id));
  serve(app, shelterApi.crowding, async ({ request, query }) => readCrowding(deps.crowding, query.ward, request.id));
  serve(app, shelterApi.history, async ({ request, reply, query }) => {
    const csv = await readOccupancyHistory(deps.crowding, query, deps.now(), request.id);
    return reply.type("text/csv; charset=utf-8").send(csv);
  });
  serve(app, shelterApi.short, async ({ request, query }) => ({
    shelters: shortOfSupplies((await readCrowding(deps.crowding, query.ward, request.id)).shelters),
  }));
  serve(app, shelterApi.nearest, async ({ request, query: q }) => {
    return findNearestShelters(deps.crowding, { latitude: q.lat, longitude: q.lon, limit: q.limit }, request.id);
  });
}
