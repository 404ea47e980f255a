import { FastifyInstance } from "fastify";
import { z } from "zod";
import { serviceLevelNames, serviceLevelTerms } from "@crisis/platform/contracts";
import { FacilitiesAdmin } from "../../../app/ports";
import { readServices } from "../../../app/read-services";
import { setServiceLevel } from "../../../app/set-service-level";
import { Authenticate } from "../server";
import { parseBody } from "../schemas";

const zoned = z.iso.datetime({ offset: true, message: "must be an RFC 3339 time with a zone, e.g. 2026-07-29T09:00:00+09:00" });
const levelBody = z.strictObject({
  level: z.enum(serviceLevelNames),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
  startsAt: zoned.optional(),
  endsAt: zoned.optional(),
});

export function serviceRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, authenticate: Authenticate) {
  app.get("/api/v1/services", async (request) => readServices(facilities, request.id));

  app.put<{ Params: { id: string; channel: string } }>("/api/v1/services/:id/channels/:channel", async (request) => {
    const who = await authenticate(request, ["manager", "facility_admin"]);
    const body = parseBody(levelBody, request.body);
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
