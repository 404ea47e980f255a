import { FastifyInstance } from "fastify";
import { AlertReports } from "../../../app/ports";
import { readAlertReport } from "../../../app/read-alert-report";
import { Authenticate } from "../declared-routes";

export function alertRoutes(app: FastifyInstance, reports: AlertReports, authenticate: Authenticate) {
  app.get<{ Params: { id: string } }>("/api/v1/alerts/:id", async (request) => {
    await authenticate(request, "manager");
    return readAlertReport(reports, request.params.id, request.id);
  });
}
