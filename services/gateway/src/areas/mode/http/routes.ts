import { FastifyInstance } from "fastify";
import { z } from "zod";
import { levelName } from "@crisis/platform/contracts";
import { approveDeclaration } from "../app/approve-declaration";
import { rejectDeclaration, withdrawDeclaration } from "../app/close-pending-declaration";
import { DeclareModeDeps, declareMode } from "../app/declare-mode";
import { listPendingDeclarations } from "../app/list-pending-declarations";
import { PendingDeclaration } from "../app/ports";
import { previewMode } from "../app/preview-mode";
import { readMode } from "../app/read-mode";
import { modeView } from "../../../domain/mode";
import { modePreviewView } from "../domain/mode-preview";
import { changesNothing, noteChange } from "../../../adapters/http/audit";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { declarationBody, modeAnswers, rejectionBody, withdrawalBody } from "./schemas";

const facilityIdsOf = (preview: PendingDeclaration["preview"]) => preview.facilities.map((f) => f.facilityId);

const pendingView = (p: PendingDeclaration) => ({
  pendingId: p.id,
  declaration: p.declaration,
  declaredBy: p.declaredBy,
  requestedAt: p.requestedAt,
  expiresAt: p.expiresAt,
  preview: modePreviewView(p.preview),
  ...(p.closed ? { closed: p.closed } : {}),
});

/** The city's mode: read it, preview and declare a change, and the two-person rule's pending declarations. */
export const modeApi = {
  current: declareRoute({
    method: "GET",
    url: "/api/v1/mode",
    summary: "The city's current mode and its stream sequence",
    responses: { 200: "the mode" },
    answers: { 200: modeAnswers.currentMode },
  }),
  declare: declareRoute({
    method: "POST",
    url: "/api/v1/mode",
    summary: "Declare, escalate or stand down the city's mode",
    roles: ["manager"],
    body: declarationBody,
    responses: { 201: "stored in JetStream", 202: "pending: needs a second person (two-person rule)" },
    answers: { 201: modeAnswers.declared, 202: modeAnswers.pending },
    problems: { 409: "MODE_UNCHANGED or MODE_CONFLICT", 422: "IDEMPOTENCY_KEY_REUSED or a field at fault" },
  }),
  preview: declareRoute({
    method: "POST",
    url: "/api/v1/mode/preview",
    summary: "What a declaration would change, declaring nothing",
    roles: ["manager"],
    body: declarationBody,
    responses: { 200: "the mode and the preview from facilities" },
    answers: { 200: modeAnswers.preview },
  }),
  pending: declareRoute({
    method: "GET",
    url: "/api/v1/mode/pending",
    summary: "Declarations waiting for approval, with the preview the declarer saw",
    roles: ["approver", "manager"],
    responses: { 200: "pending declarations, oldest first; and those rejected or withdrawn, until they would have lapsed" },
    answers: { 200: z.object({ pending: z.array(modeAnswers.pending), closed: z.array(modeAnswers.pending) }) },
  }),
  approve: declareRoute({
    method: "POST",
    url: "/api/v1/mode/pending/:id/approve",
    summary: "Approve a pending declaration (a second person)",
    roles: ["approver"],
    responses: { 201: "the declaration took effect" },
    answers: { 201: modeAnswers.declared },
    problems: {
      403: "APPROVER_IS_DECLARER",
      404: "PENDING_NOT_FOUND",
      409: "MODE_CONFLICT or PENDING_CLOSED (rejected or withdrawn)",
      410: "PENDING_EXPIRED",
    },
  }),
  reject: declareRoute({
    method: "POST",
    url: "/api/v1/mode/pending/:id/reject",
    summary: "Reject a pending declaration, saying why (a second person); it can no longer be approved",
    roles: ["approver", "manager"],
    body: rejectionBody,
    responses: { 200: "the declaration, closed as rejected" },
    answers: { 200: modeAnswers.pending },
    problems: { 403: "REJECTER_IS_DECLARER", 404: "PENDING_NOT_FOUND", 409: "PENDING_CLOSED", 410: "PENDING_EXPIRED" },
  }),
  withdraw: declareRoute({
    method: "POST",
    url: "/api/v1/mode/pending/:id/withdraw",
    summary: "The declarer withdraws their own pending declaration; it can no longer be approved",
    roles: ["manager"],
    body: withdrawalBody,
    responses: { 200: "the declaration, closed as withdrawn" },
    answers: { 200: modeAnswers.pending },
    problems: { 403: "NOT_THE_DECLARER", 404: "PENDING_NOT_FOUND", 409: "PENDING_CLOSED", 410: "PENDING_EXPIRED" },
  }),
};

export function modeRoutes(app: FastifyInstance, deps: DeclareModeDeps) {
  serve(app, modeApi.current, async () => readMode(deps.modes));

  serve(app, modeApi.declare, async ({ request, reply, body: declaration, caller: manager }) => {
    const outcome = await declareMode(deps, declaration, manager.subject, request.id);
    const { level, incident, wards } = declaration;
    if (outcome.kind === "pending") {
      const { id: pendingId, expiresAt, preview } = outcome.pending;
      noteChange(request, {
        kind: "mode.requested",
        what: JSON.stringify({ incident, level, wards, pendingId, expiresAt }),
        why: declaration.reason,
        preview: JSON.stringify(modePreviewView(preview)),
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

  serve(app, modeApi.preview, async ({ request, body: declaration, caller: manager }) => {
    changesNothing(request);
    const { mode, preview } = await previewMode(deps.previewer, deps.clock, declaration, manager.subject, request.id);
    return { mode: modeView(mode), preview: modePreviewView(preview) };
  });

  serve(app, modeApi.pending, async () => {
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
      preview: JSON.stringify(modePreviewView(closed.preview)),
      approver: closure.as === "rejected" ? closure.by : "",
      facilityIds: facilityIdsOf(closed.preview),
    });
    request.log.info({ pendingId: closed.id, closedAs: closure.as }, "pending declaration closed");
  };

  serve(app, modeApi.reject, async ({ request, params, body: { reason }, caller: rejecter }) => {
    const closed = await rejectDeclaration(deps, params.id, rejecter.subject, reason);
    noteClosing(request, closed);
    return pendingView(closed);
  });

  serve(app, modeApi.withdraw, async ({ request, params, body: { reason }, caller: declarer }) => {
    const closed = await withdrawDeclaration(deps, params.id, declarer.subject, reason);
    noteClosing(request, closed);
    return pendingView(closed);
  });

  serve(app, modeApi.approve, async ({ request, reply, params, caller: approver }) => {
    const approved = await approveDeclaration(deps, params.id, approver.subject, request.id);
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
      preview: JSON.stringify(modePreviewView(pending.preview)),
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
