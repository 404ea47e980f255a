import { Replacement } from "@crisis/platform/contracts/duties";
import { DutyDesk } from "./ports";
import { noticeView } from "./read-staff-duties";

/** Who took the post, in the shape the pages read; null when nobody fits. */
const replacementView = (r: Replacement | undefined) => (r ? { staffId: r.staffId, name: r.name } : null);

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
    replacement: replacementView(answer.replacement),
  };
}

/**
 * An officer takes someone off a post of the plan in force (no answer after the escalation,
 * unreachable): staffing puts the best replacement in and tells both.
 */
export async function replaceOnPost(
  desk: DutyDesk,
  request: { staffId: string; postId: string; reason: string; replacedBy: string },
  correlationId: string,
) {
  const answer = await desk.replace(request, correlationId);
  return {
    staffId: answer.staffId,
    postId: answer.postId,
    replacement: replacementView(answer.replacement),
  };
}
