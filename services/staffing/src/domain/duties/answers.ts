import { errors } from "../errors";
import { withChangedNotice, type Notice, type StaffRecord } from "./duty-record";

export type Answer = { readonly decline: false } | { readonly decline: true; readonly reason: string };

/** A reason a person gives (a decline, a replacement): something said, and at most 500 characters. */
export const reasonFits = (reason: string) => reason.trim().length > 0 && reason.length <= 500;

/** The notice a person answers: a reminder answers for the notice it reminds of. */
export function answered(record: StaffRecord, noticeId: string): Notice {
  const notice = record.notices.find((n) => n.id === noticeId);
  // Someone else's notice is "not found" too: whether it exists is not the caller's business.
  if (!notice) throw errors.noticeNotFound(noticeId);
  const about = notice.about ? record.notices.find((n) => n.id === notice.about) : undefined;
  return about ?? notice;
}

/**
 * Records a person's answer on the notice (and the reminders about it). Answering the same way
 * twice changes nothing; answering the other way after an answer is a conflict. Only a duty can
 * be declined: a release is acknowledged.
 */
export function answerNotice(
  record: StaffRecord,
  noticeId: string,
  answer: Answer,
  at: Date,
): { record: StaffRecord; notice: Notice; changed: boolean } {
  const target = answered(record, noticeId);
  const state = answer.decline ? "declined" : "acknowledged";
  if (target.state === state) return { record, notice: target, changed: false };
  if (target.state !== "pending") throw errors.noticeAlreadyAnswered(noticeId, target.state);
  if (answer.decline && (target.kind !== "reassigned" || !target.duty)) throw errors.noticeNotDeclinable(noticeId, target.kind);
  const answeredAt = at.toISOString();
  const mark = (n: Notice): Notice => ({ ...n, state, answeredAt, ...(answer.decline ? { reason: answer.reason } : {}) });
  let next = withChangedNotice(record, target.id, mark);
  for (const reminder of record.notices.filter((n) => n.about === target.id && n.state === "pending")) {
    next = withChangedNotice(next, reminder.id, mark);
  }
  if (answer.decline) next = { ...next, duties: next.duties.filter((d) => d.postId !== target.duty!.postId) };
  return { record: next, notice: next.notices.find((n) => n.id === target.id)!, changed: true };
}
