import { AuditFilter, matchesFilter } from "../domain/audit";
import { AuditTrail } from "./ports";

/** The changes that match the filter, oldest first. */
export async function readAudit(audit: AuditTrail, filter: AuditFilter) {
  return (await audit.readAll()).filter((record) => matchesFilter(record, filter));
}
