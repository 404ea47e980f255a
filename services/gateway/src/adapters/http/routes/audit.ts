import { FastifyInstance } from "fastify";
import { spreadsheetCsv } from "@crisis/platform/contracts";
import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { AuditTrail } from "../../../app/ports";
import { readAudit } from "../../../app/read-audit";
import { Authenticate } from "../declared-routes";
import { auditQuery, parseQuery } from "../schemas";

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

/** The audit trail for managers, a page at a time (`next`, and a Link header), as JSON or (Accept: text/csv or ?format=csv) CSV. */
export function auditRoutes(app: FastifyInstance, audit: AuditTrail, authenticate: Authenticate) {
  app.get("/api/v1/audit", async (request, reply) => {
    await authenticate(request, "manager");
    const query = parseQuery(auditQuery, request.query);
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
