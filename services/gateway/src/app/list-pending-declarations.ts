import { Clock } from "@crisis/platform/ports";
import { hasExpired } from "../domain/approval";
import { PendingDeclarations } from "./ports";

/** Declarations still waiting for an approver, oldest first, each with the preview its declarer saw. */
export async function listPendingDeclarations(pending: PendingDeclarations, clock: Clock) {
  const now = clock.now();
  return (await pending.list()).filter((p) => !hasExpired(p.expiresAt, now)).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
}
