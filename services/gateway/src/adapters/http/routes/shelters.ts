import { FastifyInstance } from "fastify";
import { operateShelter } from "../../../app/operate-shelter";
import { FacilitiesAdmin, ShelterCrowdingService, StaffOnPost } from "../../../app/ports";
import { findNearestShelters, readCrowding, readOccupancyHistory, readShelterCrowding } from "../../../app/read-crowding";
import { reportOccupancy } from "../../../app/report-occupancy";
import { ModeScope } from "../../../domain/facility-view";
import { noteChange } from "../audit";
import { Authenticate } from "../declared-routes";
import { nearestQuery, occupancyBody, occupancyHistoryQuery, parseBody, parseQuery, shelterBody, shelterListQuery } from "../schemas";

export function shelterRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, authenticate: Authenticate, mode: () => ModeScope) {
  app.put<{ Params: { id: string } }>("/api/v1/shelters/:id", async (request) => {
    const who = await authenticate(request, ["manager", "facility_admin"]);
    const body = parseBody(shelterBody, request.body);
    const shelter = await operateShelter(facilities, request.params.id, body.state, body.reason, who.subject, request.id, mode());
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
export function crowdingRoutes(app: FastifyInstance, deps: CrowdingRouteDeps, authenticate: Authenticate) {
  app.post<{ Params: { id: string } }>("/api/v1/shelters/:id/occupancy", async (request, reply) => {
    const who = await authenticate(request, ["manager", "staff"]);
    // The body is checked first: a bad report is refused the same way whoever sends it.
    const body = parseBody(occupancyBody, request.body);
    const manager = who.roles.includes("manager");
    return reply.code(201).send(await reportOccupancy(deps, { subject: who.subject, manager }, request.params.id, body, request.id));
  });
  app.get<{ Params: { id: string } }>("/api/v1/shelters/:id/occupancy", async (request) =>
    readShelterCrowding(deps.crowding, request.params.id, request.id),
  );
  app.get("/api/v1/shelters", async (request) => readCrowding(deps.crowding, parseQuery(shelterListQuery, request.query).ward, request.id));
  app.get("/api/v1/shelters/history", async (request, reply) => {
    await authenticate(request, ["manager", "facility_admin"]);
    const csv = await readOccupancyHistory(deps.crowding, parseQuery(occupancyHistoryQuery, request.query), deps.now(), request.id);
    return reply.type("text/csv; charset=utf-8").send(csv);
  });
  app.get("/api/v1/shelters/nearest", async (request) => {
    const q = parseQuery(nearestQuery, request.query);
    return findNearestShelters(deps.crowding, { latitude: q.lat, longitude: q.lon, limit: q.limit }, request.id);
  });
}
