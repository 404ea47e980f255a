import { FastifyInstance } from "fastify";
import { Clock } from "@crisis/platform";
import { addDays } from "@crisis/platform/contracts";
import { dailySheet } from "../../../domain/daily-summary";
import { IncidentLedger } from "../../../domain/incident-report";
import { errors } from "../../../domain/errors";
import { incidentReportPage, reportTables, tableCsv } from "../pages/incident-report-page";
import { Authenticate } from "../declared-routes";
import { dailySummaryPage } from "../pages/daily-summary-page";
import { PagePrinter } from "../../print/chromium-printer";
import { dailySummaryQuery, incidentReportQuery, parseQuery } from "../schemas";

export interface ReportDeps {
  ledger: IncidentLedger;
  clock: Clock;
  /** Print to PDF; without it a PDF is answered 503 PDF_UNAVAILABLE. */
  printer?: PagePrinter;
}

/** The after-action report of any range, from the ledger kept as events arrive: JSON, CSV per table, or a printable page. */
export function reportRoutes(app: FastifyInstance, deps: ReportDeps, authenticate: Authenticate) {
  const { ledger } = deps;
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

  // The HQ meeting's figure sheets, one page per city day: JSON, a printable page, or that page as PDF.
  app.get("/api/v1/reports/incident/daily", async (request, reply) => {
    await authenticate(request, "manager");
    const query = parseQuery(dailySummaryQuery, request.query);
    const now = deps.clock.now();
    const sheets = Array.from({ length: query.days }, (_, i) => dailySheet(ledger, addDays(query.date, i), now));
    const accept = request.headers.accept ?? "";
    const format = query.format ?? (/\btext\/html\b/.test(accept) ? "html" : "json");
    if (format === "json") return { sheets };
    const page = dailySummaryPage(sheets, query.lang, request.url);
    if (format === "html") return reply.type("text/html; charset=utf-8").send(page);
    if (!deps.printer) throw errors.pdfUnavailable("printing is not set up here");
    const pdf = await deps.printer.toPdf(page);
    const name = `hq-sheet-${query.date}${query.days > 1 ? `-${query.days}d` : ""}-${query.lang}.pdf`;
    return reply.type("application/pdf").header("content-disposition", `inline; filename="${name}"`).send(pdf);
  });
}
