import { hasExpired } from "../domain/approval";
import { errors } from "../../../domain/errors";
import { DeclareModeDeps } from "./declare-mode";
import { PendingClosure, PendingDeclaration } from "./ports";

type CloseDeps = Pick<DeclareModeDeps, "pending" | "clock">;

/** The checks an approval and a closing share: it must exist, still be open and not have lapsed. */
export async function openPending(deps: CloseDeps, id: string): Promise<PendingDeclaration> {
  const pending = await deps.pending.get(id);
  if (!pending) throw errors.pendingNotFound(id);
  if (pending.closed) throw errors.pendingClosed(pending.closed);
  if (hasExpired(pending.expiresAt, deps.clock.now())) throw errors.pendingExpired(pending.expiresAt);
  return pending;
}

async function close(deps: CloseDeps, pending: PendingDeclaration, closure: Omit<PendingClosure, "at">) {
  const closed = await deps.pending.close(pending.id, { ...closure, at: deps.clock.now().toISOString() });
  if (closed) return closed;
  // Someone else closed or approved it between our read and our write: say what happened to it.
  const now = await deps.pending.get(pending.id);
  if (now?.closed) throw errors.pendingClosed(now.closed);
  throw errors.pendingNotFound(pending.id);
}

/** A second person says no, with a reason: the declaration never takes effect and the declarer sees why. */
export async function rejectDeclaration(deps: CloseDeps, id: string, rejecter: string, reason: string) {
  const pending = await openPending(deps, id);
  if (rejecter === pending.declaredBy) throw errors.rejecterIsDeclarer();
  return close(deps, pending, { as: "rejected", by: rejecter, reason });
}

/** The declarer takes their own declaration back before anyone approved it. */
export async function withdrawDeclaration(deps: CloseDeps, id: string, declarer: string, reason: string) {
  const pending = await openPending(deps, id);
  if (declarer !== pending.declaredBy) throw errors.notTheDeclarer(pending.declaredBy);
  return close(deps, pending, { as: "withdrawn", by: declarer, reason });
}
