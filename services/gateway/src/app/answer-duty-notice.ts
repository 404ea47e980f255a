import { DutyDesk } from "./ports";
import { noticeView } from "./read-staff-duties";

/** A person acknowledges their own notice; only the caller's own notices are found. */
export async function acknowledgeNotice(desk: DutyDesk, staffId: string, noticeId: string, correlationId: string) {
  const answer = await desk.answer({ staffId, noticeId, decline: false, reason: "" }, correlationId);
  return { notice: noticeView(answer.notice!) };
}

/** A person declines their own duty with a reason; staffing re-plans that post and names the replacement, if any. */
export async function declineNotice(desk: DutyDesk, staffId: string, noticeId: string, reason: string, correlationId: string) {
  const answer = await desk.answer({ staffId, noticeId, decline: true, reason }, correlationId);
  return {
    notice: noticeView(answer.notice!),
    replacement: answer.replacement ? { staff_id: answer.replacement.staffId, name: answer.replacement.name } : null,
  };
}
