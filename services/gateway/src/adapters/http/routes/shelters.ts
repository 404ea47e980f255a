import { FastifyInstance } from "fastify";
import { z } from "zod";
import { operateShelter } from "../../../app/operate-shelter";
import { FacilitiesAdmin } from "../../../app/ports";
import { Authenticate } from "../server";
import { parseBody } from "../schemas";

const shelterBody = z.strictObject({
  state: z.enum(["open", "closed"]),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
});

export function shelterRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, authenticate: Authenticate) {
  app.put<{ Params: { id: string } }>("/api/v1/shelters/:id", async (request) => {
    const who = await authenticate(request, ["manager", "facility_admin"]);
    const body = parseBody(shelterBody, request.body);
    return operateShelter(facilities, request.params.id, body.state, body.reason, who.subject, request.id);
  });
}
