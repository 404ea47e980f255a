import type { Notice, StaffRecord } from "./duty-record";

export interface ReminderTimes {
  /** No answer this long after a notice: a reminder. */
  readonly remindAfterMs: number;
  /** No answer this long after the reminder: the department's head is told. */
  readonly escalateAfterMs: number;
}

export type ReminderStep = { readonly step: "remind" | "escalate"; readonly notice: Notice };

/** The reminders and escalations due for one person's unanswered duty notices at `now`. */
export function dueSteps(record: StaffRecord, now: Date, times: ReminderTimes): ReminderStep[] {
  const t = now.getTime();
  const steps: ReminderStep[] = [];
  for (const n of record.notices) {
    if (n.kind !== "reassigned" || n.state !== "pending") continue;
    // A duty already over needs no answer any more.
    if (n.duty && Date.parse(n.duty.endsAt) <= t) continue;
    if (!n.remindedAt) {
      if (t - Date.parse(n.sentAt) >= times.remindAfterMs) steps.push({ step: "remind", notice: n });
    } else if (!n.escalatedAt && t - Date.parse(n.remindedAt) >= times.escalateAfterMs) {
      steps.push({ step: "escalate", notice: n });
    }
  }
  return steps;
}

export interface AcknowledgementCount {
  department: string;
  total: number;
  acknowledged: number;
  declined: number;
  pending: number;
  overdue: number;
}

/** Acknowledgement progress of the duty notices, for the city and per home department. */
export function tallyAnswers(
  records: Iterable<StaffRecord>,
  departmentOf: (staffId: string) => string,
  now: Date,
  remindAfterMs: number,
): { all: AcknowledgementCount; byDepartment: AcknowledgementCount[] } {
  const fresh = (department: string): AcknowledgementCount => ({
    department,
    total: 0,
    acknowledged: 0,
    declined: 0,
    pending: 0,
    overdue: 0,
  });
  const all = fresh("");
  const per = new Map<string, AcknowledgementCount>();
  for (const record of records) {
    const department = departmentOf(record.staffId);
    for (const n of record.notices) {
      if (n.kind !== "reassigned") continue;
      const d = per.get(department) ?? fresh(department);
      per.set(department, d);
      for (const c of [all, d]) {
        c.total++;
        c[n.state]++;
        if (n.state === "pending" && now.getTime() - Date.parse(n.sentAt) >= remindAfterMs) c.overdue++;
      }
    }
  }
  return { all, byDepartment: [...per.values()].sort((a, b) => a.department.localeCompare(b.department)) };
}

/** A reassignment nobody has answered yet, for a duty not over. */
export interface Unanswered {
  readonly staffId: string;
  readonly notice: Notice;
  /** Pending past the reminder time. */
  readonly overdue: boolean;
}

/** The unanswered reassignments of duties not over, oldest first: whom an officer may replace. */
export function oldestUnanswered(records: Iterable<StaffRecord>, now: Date, remindAfterMs: number, limit: number): Unanswered[] {
  const t = now.getTime();
  const found: Unanswered[] = [];
  for (const record of records) {
    for (const n of record.notices) {
      if (n.kind !== "reassigned" || n.state !== "pending" || !n.duty || Date.parse(n.duty.endsAt) <= t) continue;
      found.push({ staffId: record.staffId, notice: n, overdue: t - Date.parse(n.sentAt) >= remindAfterMs });
    }
  }
  return found.sort((a, b) => a.notice.sentAt.localeCompare(b.notice.sentAt) || a.staffId.localeCompare(b.staffId)).slice(0, limit);
}

/**
 * Whom an unanswered notice is escalated to: the department's head, who is the first person the
 * roster lists for the department (the roster is kept in that order), never the person themself.
 */
export function departmentHead<T extends { readonly id: string; readonly department: string }>(
  staff: readonly T[],
  department: string,
  except: string,
): T | undefined {
  return staff.find((p) => p.department === department && p.id !== except);
}
