import { ModeLevel } from "@crisis/platform/contracts";
import { errors } from "../../../domain/errors";
import { modeFrom } from "../../../domain/mode";
import { openPending } from "./close-pending-declaration";
import { DeclareModeDeps, storeMode } from "./declare-mode";

/**
 * A second person approves a pending declaration: it takes effect now, as declared by the first.
 * Refused when the approver is the declarer, when it lapsed or was rejected or withdrawn, or when the mode moved on since the
 * preview was computed (the approver would approve a difference that no longer holds).
 */
export async function approveDeclaration(deps: DeclareModeDeps, id: string, approver: string, correlationId: string) {
  const pending = await openPending(deps, id);
  const now = deps.clock.now();
  if (approver === pending.declaredBy) throw errors.approverIsDeclarer();
  const current = await deps.modes.current();
  if (current.seq !== pending.baseSeq) throw errors.modeMovedOn();
  const from = current.event?.mode?.level ?? ModeLevel.MODE_LEVEL_NORMAL;
  const stored = await storeMode(deps, modeFrom(pending.declaration, pending.declaredBy, now), from, pending.baseSeq, correlationId);
  await deps.pending.remove(id);
  return { ...stored, pending, approvedBy: approver };
}
