import type { Clock } from "@crisis/platform";
import type { AnswerNoticeResponse } from "@crisis/platform/contracts/duties";
import { answerNotice as answerOn, errors, type Answer, type Notice } from "../domain";
import { noticeId, tellReassigned } from "./duty-notices";
import { proposeReplacement, type ReplacementDeps } from "./propose-replacement";
import type { StaffEvents } from "./ports";
import { noticeView } from "./read-staff-duties";

export interface AnswerDeps extends ReplacementDeps {
  readonly events: StaffEvents;
  readonly clock: Clock;
}

/**
 * A person acknowledges or declines their own notice (anyone else's is not found). A decline
 * takes them off the post and re-plans that one post: the replacement is told at once and named
 * in the answer.
 */
export async function answerNotice(
  deps: AnswerDeps,
  staffId: string,
  id: string,
  answer: Answer,
  correlationId: string,
): Promise<AnswerNoticeResponse> {
  if (answer.decline && (answer.reason.trim().length === 0 || answer.reason.length > 500)) throw errors.declineReasonInvalid();
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
  await deps.events.answered(
    {
      eventId: `staff-${state}-${notice.id}`,
      noticeId: notice.id,
      staffId,
      reason: answer.decline ? answer.reason : "",
      answeredAt: at.toISOString(),
    },
    answer.decline,
    correlationId,
  );
  if (!answer.decline || !notice.duty) return { notice: noticeView(notice), replacement: undefined };

  const proposal = await proposeReplacement(deps, staffId, notice.duty.postId);
  const inForce = deps.book.inForce;
  if (inForce) {
    // The decliner leaves the plan in force whether or not someone takes the post.
    const others = inForce.plan.assignments.filter((a) => a.postId !== notice.duty!.postId);
    const onPost = proposal?.onPost ?? inForce.plan.assignments.filter((a) => a.postId === notice.duty!.postId && a.staffId !== staffId);
    await deps.book.putInForce({ ...inForce, plan: { ...inForce.plan, assignments: [...others, ...onPost] } });
  }
  if (!proposal || !inForce) return { notice: noticeView(notice), replacement: undefined };
  const held = deps.book.inForce!.plan.assignments.filter((a) => a.staffId === proposal.staffId).map((a) => a.postId);
  await tellReassigned(
    deps,
    {
      id: noticeId(inForce.id, proposal.staffId, proposal.post.id, `replaces ${notice.id}`),
      staffId: proposal.staffId,
      planId: inForce.id,
      post: proposal.post,
      posts: inForce.posts.filter((p) => held.includes(p.id)),
      reason: "replaces a colleague who could not take this duty",
      at,
    },
    correlationId,
  );
  return { notice: noticeView(notice), replacement: { staffId: proposal.staffId, name: proposal.name } };
}
