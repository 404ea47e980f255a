import type { Clock } from "@crisis/platform/ports";
import type { ReplaceOnPostRequest, ReplaceOnPostResponse } from "@crisis/platform/contracts/duties";
import { errors, postLeads, reasonFits } from "../domain";
import { noticeId, tellReassigned, tellReleased } from "./duty-notices";
import { proposeReplacement, type ReplacementDeps, type ReplacementProposal } from "./propose-replacement";
import type { StaffEvents } from "./ports";

export interface ReplaceDeps extends ReplacementDeps {
  readonly events: StaffEvents;
  readonly clock: Clock;
}

/**
 * Takes a person off one post of the plan in force and puts the best replacement in (see
 * proposeReplacement): the replacement is told at once. The person leaves the plan whether or not
 * someone takes the post; without one, the position shows as open.
 */
export async function takeOffPost(
  deps: ReplaceDeps,
  leaving: string,
  postId: string,
  /** What makes the replacement's notice unique (the declined or replaced notice), and what they are told. */
  why: { readonly key: string; readonly reason: string },
  correlationId: string,
  at: Date,
): Promise<ReplacementProposal | undefined> {
  const proposal = await proposeReplacement(deps, leaving, postId);
  const inForce = deps.book.inForce;
  if (!inForce) return undefined;
  const others = inForce.plan.assignments.filter((a) => a.postId !== postId);
  const onPost = proposal?.onPost ?? inForce.plan.assignments.filter((a) => a.postId === postId && a.staffId !== leaving);
  await deps.book.putInForce({ ...inForce, plan: { ...inForce.plan, assignments: [...others, ...onPost] } });
  if (!proposal) return undefined;
  const held = deps.book.inForce!.plan.assignments.filter((a) => a.staffId === proposal.staffId).map((a) => a.postId);
  await tellReassigned(
    deps,
    {
      id: noticeId(inForce.id, proposal.staffId, proposal.post.id, `replaces ${why.key}`),
      staffId: proposal.staffId,
      planId: inForce.id,
      post: proposal.post,
      posts: inForce.posts.filter((p) => held.includes(p.id)),
      reason: why.reason,
      at,
      lead: postLeads(deps.book.inForce!.plan.assignments, deps.roster.staff)(proposal.post.id, proposal.staffId),
    },
    correlationId,
  );
  return proposal;
}

/**
 * A staffing officer replaces someone on a post of the plan in force: after an escalation nobody
 * answered, or when the person cannot be reached. The replacement is found and told as for a
 * decline; the person taken off is released from the post with the officer's reason.
 */
export async function replaceOnPost(
  deps: ReplaceDeps,
  request: ReplaceOnPostRequest,
  correlationId: string,
): Promise<ReplaceOnPostResponse> {
  if (!reasonFits(request.reason)) throw errors.replaceReasonInvalid();
  const reason = request.reason.trim();
  const inForce = deps.book.inForce;
  if (!inForce?.plan.assignments.some((a) => a.staffId === request.staffId && a.postId === request.postId)) {
    throw errors.assignmentNotFound(request.staffId, request.postId);
  }
  const at = deps.clock.now();
  const key = `${request.staffId}|${request.postId}|replaced`;
  const proposal = await takeOffPost(
    deps,
    request.staffId,
    request.postId,
    { key, reason: "replaces a colleague who could not be reached for this duty" },
    correlationId,
    at,
  );
  const department = deps.roster.staff.find((p) => p.id === request.staffId)?.department ?? "";
  await tellReleased(
    deps,
    { id: noticeId(inForce.id, key), staffId: request.staffId, department, reason: `${reason} (replaced by ${request.replacedBy})`, at },
    correlationId,
  );
  return {
    staffId: request.staffId,
    postId: request.postId,
    replacement: proposal && { staffId: proposal.staffId, name: proposal.name },
  };
}
