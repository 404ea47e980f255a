import { FastifyInstance } from "fastify";
import { IncidentLedger } from "../../../domain/incident-report";
import { errors } from "../../../domain/errors";
import { incidentReportPage, reportTables, tableCsv } from "../pages/incident-report-page";
import { Authenticate } from "../server";
import { incidentReportQuery, parseQuery } from "../schemas";

/** The after-action report of any range, from the ledger kept as events arrive: JSON, CSV per table, or a printable page. */
export function reportRoutes(app: FastifyInstance, ledger: IncidentLedger, authenticate: Authenticate) {
  app.get("/api/v1/reports/incident", async (request, reply) => {
    await authenticate(request, "manager");
    const query = parseQuery(incidentReportQuery, request.query);
    if (Date.parse(query.to) <= Date.parse(query.from)) throw errors.queryInvalid("to", "must be later than from");
    const report = ledger.report(new Date(query.from).toISOString(), new Date(query.to).toISOString());
    if (query.table) return reply.type("text/csv; charset=utf-8").send(tableCsv(reportTables(report)[query.table]));
    const accept = request.headers.accept ?? "";
    if (query.format === "html" || (query.format === undefined && /\btext\/html\b/.test(accept)))
      return reply.type("text/html; charset=utf-8").send(incidentReportPage(report, query.lang, request.url));
    return report;
  });
}
