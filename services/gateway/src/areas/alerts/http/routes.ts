import { FastifyInstance } from "fastify";
import { AlertReports } from "../app/ports";
import { readAlertReport } from "../app/read-alert-report";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { alertAnswers } from "./schemas";

export const alertApi = {
  report: declareRoute({
    method: "GET",
    url: "/api/v1/alerts/:id",
    summary: "Delivery report of one alert: queued, accepted, gone, failed, expired",
    roles: ["manager"],
    responses: { 200: "the counts" },
    problems: { 404: "ALERT_NOT_FOUND" },
    answers: { 200: alertAnswers.alertReport },
  }),
};

export function alertRoutes(app: FastifyInstance, reports: AlertReports) {
  serve(app, alertApi.report, async ({ request, params }) => readAlertReport(reports, params.id, request.id));
}
