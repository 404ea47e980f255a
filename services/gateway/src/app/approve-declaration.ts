import { ModeLevel } from "@crisis/platform/contracts";
import { hasExpired } from "../domain/approval";
import { errors } from "../domain/errors";
import { modeFrom } from "../domain/mode";
import { DeclareModeDeps, storeMode } from "./declare-mode";

/**
 * A second person approves a pending declaration: it takes effect now, as declared by the first.
 * Refused when the approver is the declarer, when it lapsed, or when the mode moved on since the
 * preview was computed (the approver would approve a difference that no longer holds).
 */
export async function approveDeclaration(deps: DeclareModeDeps, id: string, approver: string, correlationId: string) {
  const pending = await deps.pending.get(id);
  if (!pending) throw errors.pendingNotFound(id);
  const now = deps.clock.now();
  if (hasExpired(pending.expiresAt, now)) throw errors.pendingExpired(pending.expiresAt);
  if (approver === pending.declaredBy) throw errors.approverIsDeclarer();
  const current = await deps.modes.current();
  if (current.seq !== pending.baseSeq) throw errors.modeMovedOn();
  const from = current.event?.mode?.level ?? ModeLevel.MODE_LEVEL_NORMAL;
  const stored = await storeMode(deps, modeFrom(pending.declaration, pending.declaredBy, now), from, pending.baseSeq, correlationId);
  await deps.pending.remove(id);
  return { ...stored, pending, approvedBy: approver };
}
