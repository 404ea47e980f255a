import type { Clock, EventPublisher, Logger } from "@crisis/platform/ports";
import { eventTypes, sayStaff } from "@crisis/platform/contracts";
import type { StaffReminded } from "@crisis/platform/contracts/events";
import { departmentHead, dueSteps, placeOf, withChangedNotice, withNotice, type Notice, type ReminderTimes } from "../domain";
import { noticeId } from "./duty-notices";
import { proposeReplacement, type ReplacementDeps } from "./propose-replacement";

export interface RemindDeps extends ReplacementDeps {
  readonly events: EventPublisher;
  readonly clock: Clock;
  readonly times: ReminderTimes;
  readonly logger: Logger;
}

/**
 * Run by node-cron (and by tests after moving the clock): a duty notice with no answer after
 * `remindAfterMs` gets a reminder (a notice and a push); still none `escalateAfterMs` after
 * that, the department's head gets a notice naming the person and a replacement proposal.
 * Event ids follow the notice, so a tick run twice (two instances) publishes nothing twice.
 */
export async function remindUnanswered(deps: RemindDeps): Promise<{ reminded: number; escalated: number }> {
  const now = deps.clock.now();
  const counts = { reminded: 0, escalated: 0 };
  for (const seen of [...deps.duties.all()]) {
    if (dueSteps(seen, now, deps.times).length === 0) continue;
    // Read again: the person may have answered through another instance a moment ago.
    const record = await deps.duties.get(seen.staffId);
    for (const { step, notice } of record ? dueSteps(record, now, deps.times) : []) {
      if (step === "remind") await remind(deps, seen.staffId, notice, now);
      else await escalate(deps, seen.staffId, notice, now);
      counts[step === "remind" ? "reminded" : "escalated"]++;
    }
  }
  if (counts.reminded + counts.escalated > 0) deps.logger.info(counts, "unanswered notices reminded and escalated");
  return counts;
}

async function remind(deps: RemindDeps, staffId: string, notice: Notice, now: Date) {
  const id = noticeId(notice.id, "reminder");
  const at = now.toISOString();
  const reminded: StaffReminded = {
    ...blank,
    eventId: `staff-reminded-${id}`,
    noticeId: notice.id,
    staffId,
    attempt: 1,
    remindedAt: at,
    ...placeOf(notice.duty),
  };
  await deps.events.publish(eventTypes.staffReminded, reminded, { eventId: reminded.eventId, correlationId: `remind-${notice.id}` });
  await deps.duties.update(staffId, (record) =>
    withChangedNotice(
      withNotice(record, { id, kind: "reminder", duty: notice.duty, sentAt: at, state: "pending", about: notice.id }),
      notice.id,
      (n) => ({
        ...n,
        remindedAt: at,
      }),
    ),
  );
}

async function escalate(deps: RemindDeps, staffId: string, notice: Notice, now: Date) {
  const at = now.toISOString();
  const person = deps.roster.staff.find((p) => p.id === staffId);
  const head = person && departmentHead(deps.roster.staff, person.department, staffId);
  if (head) {
    const proposal = notice.duty ? await proposeReplacement(deps, staffId, notice.duty.postId) : undefined;
    const id = noticeId(notice.id, "escalated");
    const who = `${person.name}（${staffId}）`;
    const escalated: StaffReminded = {
      eventId: `staff-escalated-${id}`,
      noticeId: id,
      staffId: head.id,
      attempt: 2,
      escalatedTo: head.id,
      remindedAt: at,
      aboutStaffId: staffId,
      aboutName: person.name,
      proposedStaffId: proposal?.staffId ?? "",
      proposedName: proposal?.name ?? "",
      ...placeOf(notice.duty),
    };
    await deps.events.publish(eventTypes.staffReminded, escalated, { eventId: escalated.eventId, correlationId: `escalate-${notice.id}` });
    const reason = sayStaff("ja", "staffEscalated", { name: who, proposed: proposal ? `${proposal.name}（${proposal.staffId}）` : "none" });
    await deps.duties.update(head.id, (record) =>
      withNotice(record, { id, kind: "reminder", duty: notice.duty, sentAt: at, state: "pending", reason }),
    );
  } else {
    deps.logger.warn({ staffId, noticeId: notice.id }, "unanswered notice: the department has no one else to tell");
  }
  await deps.duties.update(staffId, (record) => withChangedNotice(record, notice.id, (n) => ({ ...n, escalatedAt: at })));
}

const blank = { escalatedTo: "", aboutStaffId: "", aboutName: "", proposedStaffId: "", proposedName: "" };
