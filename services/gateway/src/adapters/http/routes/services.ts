import { FastifyInstance } from "fastify";
import { serviceLevelTerms } from "@crisis/platform/contracts";
import { FacilitiesAdmin } from "../../../app/ports";
import { readService, readServices } from "../../../app/read-services";
import { WaitingDeps, reportWaiting } from "../../../app/report-waiting";
import { setServiceLevel } from "../../../app/set-service-level";
import { Authenticate } from "../declared-routes";
import { parseBody, serviceLevelBody, waitingBody } from "../schemas";

export function serviceRoutes(app: FastifyInstance, facilities: FacilitiesAdmin, authenticate: Authenticate, waiting: WaitingDeps) {
  const waitingOf = (id: string) => waiting.board.view(id, waiting.clock.now().getTime());
  app.get("/api/v1/services", async (request) => readServices(facilities, request.id, waitingOf));
  app.get<{ Params: { id: string } }>("/api/v1/services/:id", async (request) =>
    readService(facilities, request.params.id, request.id, waitingOf),
  );

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

  app.post<{ Params: { id: string } }>("/api/v1/services/:id/waiting", async (request, reply) => {
    const who = await authenticate(request, ["manager", "facility_admin", "staff"]);
    // The body is checked first: a bad figure is refused the same way whoever sends it.
    const body = parseBody(waitingBody, request.body);
    const staffOnly = !who.roles.includes("manager") && !who.roles.includes("facility_admin");
    return reply.code(201).send(await reportWaiting(waiting, request.params.id, body, { subject: who.subject, staffOnly }, request.id));
  });
}
