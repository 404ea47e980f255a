import { FastifyInstance } from "fastify";
import { modeView } from "../../../domain/mode";
import { ServiceClients } from "../../grpc/clients";
import { Authenticate } from "../server";

export function staffingRoutes(app: FastifyInstance, services: ServiceClients, authenticate: Authenticate) {
  app.get("/api/v1/staffing/summary", async (request) => {
    await authenticate(request, "manager");
    const summary = await services.staffingSummary(request.id);
    return {
      mode: modeView(summary.mode),
      staff: summary.staff,
      posts: summary.posts,
      positionsRequired: summary.positionsRequired,
      positionsCovered: summary.positionsCovered,
      shelters: summary.shelters.map((s) => ({ id: s.facilityId, name: s.facilityName, ward: s.ward, posts: s.posts })),
    };
  });
}
