import { Clock, IdSource } from "@crisis/platform/ports";
import { AuditRecorded } from "@crisis/platform/contracts/audit";
import { AuditTrail } from "./ports";

export type Change = Omit<AuditRecorded, "eventId" | "at">;

/** Appends one accepted change to the audit trail, stamped with the time on the gateway's clock. */
export async function recordChange(deps: { audit: AuditTrail; clock: Clock; newId: IdSource }, change: Change) {
  await deps.audit.append({ ...change, eventId: deps.newId(), at: deps.clock.now().toISOString() });
}
