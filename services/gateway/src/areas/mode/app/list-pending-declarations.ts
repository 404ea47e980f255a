import { Clock } from "@crisis/platform/ports";
import { hasExpired } from "../domain/approval";
import { PendingDeclarations } from "./ports";

/**
 * Declarations still waiting for an approver, oldest first, each with the preview its declarer saw;
 * and, until they would have lapsed, the ones rejected or withdrawn, so that the other side sees why.
 */
export async function listPendingDeclarations(pending: PendingDeclarations, clock: Clock) {
  const now = clock.now();
  const current = (await pending.list())
    .filter((p) => !hasExpired(p.expiresAt, now))
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  return { open: current.filter((p) => !p.closed), closed: current.filter((p) => p.closed) };
}
