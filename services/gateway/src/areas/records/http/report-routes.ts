import { FastifyInstance } from "fastify";
import { Clock } from "@crisis/platform";
import { addDays } from "@crisis/platform/contracts";
import { dailySheet } from "../domain/daily-summary";
import { IncidentLedger } from "../domain/incident-report";
import { errors } from "../../../domain/errors";
import { incidentReportPage, reportTables, tableCsv } from "./pages/incident-report-page";
import { dailySummaryPage } from "./pages/daily-summary-page";
import { PagePrinter } from "../../../adapters/print/chromium-printer";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { dailySummaryAnswer, dailySummaryQuery, incidentReportAnswer, incidentReportQuery } from "./schemas";

export interface ReportDeps {
  ledger: IncidentLedger;
  clock: Clock;
  /** Print to PDF; without it a PDF is answered 503 PDF_UNAVAILABLE. */
  printer?: PagePrinter;
}

export const reportApi = {
  incident: declareRoute({
    method: "GET",
    url: "/api/v1/reports/incident",
    summary:
      "The after-action report of a range: decisions, shelters, alerts, staff, counters; JSON, CSV of one table (table=), or a printable page with charts (format=html or Accept: text/html)",
    roles: ["manager"],
    query: incidentReportQuery,
    responses: { 200: "the report" },
    answers: { 200: incidentReportAnswer },
  }),
  daily: declareRoute({
    method: "GET",
    url: "/api/v1/reports/incident/daily",
    summary:
      "The HQ meeting's figure sheet of a city day (days= for more, one page each): shelters open, evacuees, staff deployed, answers, alerts, counters, decisions; JSON, a printable page (format=html or Accept: text/html) or PDF (format=pdf; 503 PDF_UNAVAILABLE where Chromium is not installed)",
    roles: ["manager"],
    query: dailySummaryQuery,
    responses: { 200: "the sheets", 503: "PDF asked for and Chromium is not installed (PDF_UNAVAILABLE)" },
    answers: { 200: dailySummaryAnswer },
  }),
};

/** The after-action report of any range, from the ledger kept as events arrive: JSON, CSV per table, or a printable page. */
export function reportRoutes(app: FastifyInstance, deps: ReportDeps) {
  const { ledger } = deps;
  serve(app, reportApi.incident, async ({ request, reply, query }) => {
    if (Date.parse(query.to) <= Date.parse(query.from)) throw errors.queryInvalid("to", "must be later than from");
    const report = ledger.report(new Date(query.from).toISOString(), new Date(query.to).toISOString());
    if (query.table) return reply.type("text/csv; charset=utf-8").send(tableCsv(reportTables(report)[query.table]));
    const accept = request.headers.accept ?? "";
    if (query.format === "html" || (query.format === undefined && /\btext\/html\b/.test(accept)))
      return reply.type("text/html; charset=utf-8").send(incidentReportPage(report, query.lang, request.url));
    return report;
  });

  // The HQ meeting's figure sheets, one page per city day: JSON, a printable page, or that page as PDF.
  serve(app, reportApi.daily, async ({ request, reply, query }) => {
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
