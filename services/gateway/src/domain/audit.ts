import { AuditRecorded } from "@crisis/platform/contracts/audit";

/** What a manager asks of the audit trail; every part is optional and they all must hold. */
export interface AuditFilter {
  from?: Date;
  to?: Date;
  actor?: string;
  kind?: string;
  facility?: string;
}

/** `from` is inclusive, `to` exclusive; the actor matches the one who acted or approved. */
export function matchesFilter(record: AuditRecorded, filter: AuditFilter): boolean {
  const at = new Date(record.at).getTime();
  if (filter.from && at < filter.from.getTime()) return false;
  if (filter.to && at >= filter.to.getTime()) return false;
  if (filter.actor && record.actor !== filter.actor && record.approver !== filter.actor) return false;
  if (filter.kind && record.kind !== filter.kind) return false;
  if (filter.facility && !record.facilityIds.includes(filter.facility)) return false;
  return true;
}
