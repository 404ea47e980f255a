import { FastifyInstance } from "fastify";
import { levelName } from "@crisis/platform/contracts";
import { ModePreview } from "@crisis/platform/contracts/facilities";
import { approveDeclaration } from "../../../app/approve-declaration";
import { rejectDeclaration, withdrawDeclaration } from "../../../app/close-pending-declaration";
import { DeclareModeDeps, declareMode } from "../../../app/declare-mode";
import { listPendingDeclarations } from "../../../app/list-pending-declarations";
import { PendingDeclaration } from "../../../app/ports";
import { previewMode } from "../../../app/preview-mode";
import { readMode } from "../../../app/read-mode";
import { modeView } from "../../../domain/mode";
import { changesNothing, noteChange } from "../audit";
import { Authenticate } from "../server";
import { declarationBody, parseBody, rejectionBody, withdrawalBody } from "../schemas";

const facilityIdsOf = (preview: PendingDeclaration["preview"]) => preview.facilities.map((f) => f.facilityId);

const pendingView = (p: PendingDeclaration) => ({
  pendingId: p.id,
  declaration: p.declaration,
  declaredBy: p.declaredBy,
  requestedAt: p.requestedAt,
  expiresAt: p.expiresAt,
  preview: ModePreview.toJSON(p.preview),
  ...(p.closed ? { closed: p.closed } : {}),
});

export function modeRoutes(app: FastifyInstance, deps: DeclareModeDeps, authenticate: Authenticate) {
  app.get("/api/v1/mode", async () => readMode(deps.modes));

  app.post("/api/v1/mode", async (request, reply) => {
    const manager = await authenticate(request, "manager");
    const declaration = parseBody(declarationBody, request.body);
    const outcome = await declareMode(deps, declaration, manager.subject, request.id);
    const { level, incident, wards } = declaration;
    if (outcome.kind === "pending") {
      const { id: pendingId, expiresAt, preview } = outcome.pending;
      noteChange(request, {
        kind: "mode.requested",
        what: JSON.stringify({ incident, level, wards, pendingId, expiresAt }),
        why: declaration.reason,
        preview: JSON.stringify(ModePreview.toJSON(preview)),
        facilityIds: facilityIdsOf(preview),
      });
      request.log.info({ pendingId, level, incident, wards }, "declaration awaits approval");
      return reply.code(202).send(pendingView(outcome.pending));
    }
    noteChange(request, {
      kind: "mode.declared",
      what: JSON.stringify({ incident, level, wards, eventId: outcome.event.eventId, sequence: outcome.seq }),
      why: declaration.reason,
    });
    request.log.info({ eventId: outcome.event.eventId, level, incident, wards }, "mode declared");
    return reply.code(201).send({
      eventId: outcome.event.eventId,
      sequence: outcome.seq,
      previousLevel: levelName(outcome.event.previousLevel) ?? "unknown",
      mode: modeView(outcome.event.mode),
    });
  });

  app.post("/api/v1/mode/preview", async (request) => {
    changesNothing(request);
    const manager = await authenticate(request, "manager");
    const declaration = parseBody(declarationBody, request.body);
    const { mode, preview } = await previewMode(deps.previewer, deps.clock, declaration, manager.subject, request.id);
    return { mode: modeView(mode), preview: ModePreview.toJSON(preview) };
  });

  app.get("/api/v1/mode/pending", async (request) => {
    await authenticate(request, ["approver", "manager"]);
    const { open, closed } = await listPendingDeclarations(deps.pending, deps.clock);
    return { pending: open.map(pendingView), closed: closed.map(pendingView) };
  });

  /** Audits a rejection or withdrawal: the declaration as requested, who closed it and why. */
  const noteClosing = (request: Parameters<typeof noteChange>[0], closed: PendingDeclaration) => {
    const closure = closed.closed!;
    noteChange(request, {
      kind: closure.as === "rejected" ? "mode.rejected" : "mode.withdrawn",
      what: JSON.stringify({ ...closed.declaration, declaredBy: closed.declaredBy, pendingId: closed.id }),
      why: closure.reason,
      preview: JSON.stringify(ModePreview.toJSON(closed.preview)),
      approver: closure.as === "rejected" ? closure.by : "",
      facilityIds: facilityIdsOf(closed.preview),
    });
    request.log.info({ pendingId: closed.id, closedAs: closure.as }, "pending declaration closed");
  };

  app.post<{ Params: { id: string } }>("/api/v1/mode/pending/:id/reject", async (request) => {
    const rejecter = await authenticate(request, ["approver", "manager"]);
    const { reason } = parseBody(rejectionBody, request.body);
    const closed = await rejectDeclaration(deps, request.params.id, rejecter.subject, reason);
    noteClosing(request, closed);
    return pendingView(closed);
  });

  app.post<{ Params: { id: string } }>("/api/v1/mode/pending/:id/withdraw", async (request) => {
    const declarer = await authenticate(request, "manager");
    const { reason } = parseBody(withdrawalBody, request.body);
    const closed = await withdrawDeclaration(deps, request.params.id, declarer.subject, reason);
    noteClosing(request, closed);
    return pendingView(closed);
  });

  app.post<{ Params: { id: string } }>("/api/v1/mode/pending/:id/approve", async (request, reply) => {
    const approver = await authenticate(request, "approver");
    const approved = await approveDeclaration(deps, request.params.id, approver.subject, request.id);
    const { pending, event, seq } = approved;
    noteChange(request, {
      kind: "mode.approved",
      what: JSON.stringify({
        ...pending.declaration,
        declaredBy: pending.declaredBy,
        pendingId: pending.id,
        eventId: event.eventId,
        sequence: seq,
      }),
      why: pending.declaration.reason,
      preview: JSON.stringify(ModePreview.toJSON(pending.preview)),
      approver: approved.approvedBy,
      facilityIds: facilityIdsOf(pending.preview),
    });
    request.log.info({ eventId: event.eventId, pendingId: pending.id }, "declaration approved");
    return reply.code(201).send({
      eventId: approved.event.eventId,
      sequence: approved.seq,
      previousLevel: levelName(approved.event.previousLevel) ?? "unknown",
      mode: modeView(approved.event.mode),
      approvedBy: approved.approvedBy,
    });
  });
}
