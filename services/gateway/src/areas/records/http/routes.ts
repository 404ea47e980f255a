import { FastifyInstance } from "fastify";
import { spreadsheetCsv } from "@crisis/platform/contracts";
import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { AuditTrail } from "../../../app/ports";
import { readAudit } from "../app/read-audit";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { auditQuery, recordAnswers } from "./schemas";

const columns = [
  "at",
  "actor",
  "actorRoles",
  "kind",
  "why",
  "approver",
  "facilityIds",
  "correlationId",
  "method",
  "path",
  "status",
  "what",
  "preview",
] as const satisfies readonly (keyof AuditRecorded)[];

const toCsv = (records: AuditRecorded[]) =>
  spreadsheetCsv(
    columns,
    records.map((r) => columns.map((c) => r[c])),
  );

export const auditApi = {
  read: declareRoute({
    method: "GET",
    url: "/api/v1/audit",
    summary:
      "Every accepted change, filtered, a page at a time (limit=, default 1000; after= the previous page's next, also in a Link header); JSON or CSV (Accept: text/csv or format=csv); read from the audit read model",
    roles: ["manager"],
    query: auditQuery,
    responses: { 200: "audit records, oldest first" },
    answers: { 200: recordAnswers.audit },
  }),
};

/** The audit trail for managers, a page at a time (`next`, and a Link header), as JSON or (Accept: text/csv or ?format=csv) CSV. */
export function auditRoutes(app: FastifyInstance, audit: AuditTrail) {
  serve(app, auditApi.read, async ({ request, reply, query }) => {
    const { records, next } = await readAudit(
      audit,
      {
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        actor: query.actor,
        kind: query.kind,
        facility: query.facility,
      },
      { limit: query.limit, after: query.after },
    );
    const csv = query.format === "csv" || (query.format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ""));
    if (next) {
      const url = new URL(request.url, "http://gateway.invalid");
      url.searchParams.set("after", next);
      reply.header("link", `<${url.pathname}${url.search}>; rel="next"`);
    }
    if (csv) return reply.type("text/csv; charset=utf-8").send(toCsv(records));
    return { records: records.map(({ eventId, ...record }) => ({ id: eventId, ...record })), next };
  });
}
