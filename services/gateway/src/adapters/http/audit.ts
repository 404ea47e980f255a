import { FastifyInstance, FastifyRequest } from "fastify";
import { Clock, IdSource } from "@crisis/platform";
import { AuditTrail } from "../../app/ports";
import { Change, recordChange } from "../../app/record-change";
import { replayedHeader } from "./idempotency";
import { hookRoutesOf } from "./route-hooks";

type Details = Partial<Omit<Change, "method" | "path" | "status" | "correlationId">>;

const details = new WeakMap<FastifyRequest, Details>();
const readOnly = new WeakSet<FastifyRequest>();
const writes = ["POST", "PUT", "PATCH", "DELETE"];

/** Says what a write changed (kind, what, why, preview, approver, facilities) for its audit record. */
export function noteChange(request: FastifyRequest, change: Details) {
  details.set(request, { ...details.get(request), ...change });
}

/** A POST that changes nothing (a preview) leaves no audit record. */
export function changesNothing(request: FastifyRequest) {
  readOnly.add(request);
}

/**
 * Every write the gateway accepts (2xx, not a replay of a stored answer) is appended to the
 * audit stream before the answer leaves, including routes that say nothing about themselves
 * (recorded as "<METHOD> <route>", a facility id taken from the path).
 */
export function auditedWrites(app: FastifyInstance, deps: { audit: AuditTrail; clock: Clock; newId: IdSource }) {
  hookRoutesOf(app, writes, {
    onSend: async (request, reply, payload) => {
      if (reply.statusCode >= 300 || readOnly.has(request) || reply.getHeader(replayedHeader)) return payload;
      const noted = details.get(request) ?? {};
      const route = request.routeOptions.url ?? request.url;
      const params = (request.params ?? {}) as Record<string, string>;
      const facilityFromPath = params.facilityId ?? (/\/facilities\/:id\b/.test(route) ? params.id : undefined);
      const change: Change = {
        actor: "anonymous",
        actorRoles: [],
        kind: `${request.method} ${route}`,
        what: "",
        why: "",
        preview: "",
        approver: "",
        facilityIds: facilityFromPath ? [facilityFromPath] : [],
        ...noted,
        correlationId: request.id,
        method: request.method,
        path: request.url,
        status: reply.statusCode,
      };
      try {
        await recordChange(deps, change);
      } catch (err) {
        request.log.error({ err, kind: change.kind }, "audit record not stored; the change itself was accepted");
      }
      return payload;
    },
  });
}
