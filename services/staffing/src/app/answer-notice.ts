import { eventTypes } from "@crisis/platform/contracts";
import type { AnswerNoticeResponse } from "@crisis/platform/contracts/duties";
import type { StaffAnswered } from "@crisis/platform/contracts/events";
import { answerNotice as answerOn, errors, placeOf, reasonFits, type Answer, type Notice } from "../domain";
import { noticeView } from "./read-staff-duties";
import { takeOffPost, type ReplaceDeps } from "./replace-on-post";

/**
 * A person acknowledges or declines their own notice (anyone else's is not found). A decline
 * takes them off the post and re-plans that one post: the replacement is told at once and named
 * in the answer.
 */
export async function answerNotice(
  deps: ReplaceDeps,
  staffId: string,
  id: string,
  answer: Answer,
  correlationId: string,
): Promise<AnswerNoticeResponse> {
  if (answer.decline && !reasonFits(answer.reason)) throw errors.declineReasonInvalid();
  const at = deps.clock.now();
  let result: { notice: Notice; changed: boolean } | undefined;
  await deps.duties.update(staffId, (record) => {
    const answered = answerOn(record, id, answer, at);
    result = answered;
    return answered.changed ? answered.record : record;
  });
  const { notice, changed } = result!;
  if (!changed) return { notice: noticeView(notice), replacement: undefined };
  const state = answer.decline ? "declined" : "acknowledged";
  const answered: StaffAnswered = {
    eventId: `staff-${state}-${notice.id}`,
    noticeId: notice.id,
    staffId,
    reason: answer.decline ? answer.reason : "",
    answeredAt: at.toISOString(),
    ...placeOf(notice.duty),
  };
  const ids = { eventId: answered.eventId, correlationId };
  if (answer.decline) await deps.events.publish(eventTypes.staffDeclined, answered, ids);
  else await deps.events.publish(eventTypes.staffAcknowledged, answered, ids);
  if (!answer.decline || !notice.duty) return { notice: noticeView(notice), replacement: undefined };

  const proposal = await takeOffPost(
    deps,
    staffId,
    notice.duty.postId,
    { key: notice.id, reason: "replaces a colleague who could not take this duty" },
    correlationId,
    at,
  );
  if (!proposal) return { notice: noticeView(notice), replacement: undefined };
  return { notice: noticeView(notice), replacement: { staffId: proposal.staffId, name: proposal.name } };
}
