import { FastifyInstance } from "fastify";
import { operateShelter } from "../../../app/operate-shelter";
import { FacilitiesAdmin } from "../../../app/ports";
import { Authenticate } from "../server";
import { parseBody, shelterBody } from "../schemas";

export function shelterRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, authenticate: Authenticate) {
  app.put<{ Params: { id: string } }>("/api/v1/shelters/:id", async (request) => {
    const who = await authenticate(request, ["manager", "facility_admin"]);
    const body = parseBody(shelterBody, request.body);
    return operateShelter(facilities, request.params.id, body.state, body.reason, who.subject, request.id);
  });
}
