import { AuditFilter } from "../../../domain/audit";
import { AuditTrail } from "../../../app/ports";

/** One page of the changes that match the filter, oldest first. */
export async function readAudit(audit: AuditTrail, filter: AuditFilter, page: { limit: number; after?: string }) {
  return audit.page(filter, page.limit, page.after);
}
