import { FastifyInstance } from "fastify";
import { serviceLevelTerms } from "@crisis/platform/contracts";
import { FacilitiesAdmin } from "../../../app/ports";
import { readServices } from "../../../app/read-services";
import { setServiceLevel } from "../../../app/set-service-level";
import { Authenticate } from "../server";
import { parseBody, serviceLevelBody } from "../schemas";

export function serviceRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, authenticate: Authenticate) {
  app.get("/api/v1/services", async (request) => readServices(facilities, request.id));

  app.put<{ Params: { id: string; channel: string } }>("/api/v1/services/:id/channels/:channel", async (request) => {
    const who = await authenticate(request, ["manager", "facility_admin"]);
    const body = parseBody(serviceLevelBody, request.body);
    return setServiceLevel(
      facilities,
      {
        serviceId: request.params.id,
        channel: request.params.channel,
        level: serviceLevelTerms[body.level].value,
        reason: body.reason,
        author: who.subject,
        startsAt: body.startsAt ?? "",
        endsAt: body.endsAt ?? "",
      },
      request.id,
    );
  });
}
