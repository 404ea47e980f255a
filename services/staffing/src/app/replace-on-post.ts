import type { Clock, EventPublisher } from "@crisis/platform/ports";
import type { ReplaceOnPostRequest, ReplaceOnPostResponse } from "@crisis/platform/contracts/duties";
import { levelName } from "@crisis/platform/contracts";
import { errors, postLeads, reasonFits, replanPositions, type Assignment, type PlannedAssignment } from "../domain";
import { noticeId, tellReassigned, tellReleased } from "./duty-notices";
import { proposeReplacement, type ReplacementDeps, type ReplacementProposal } from "./propose-replacement";

export interface ReplaceDeps extends ReplacementDeps {
  readonly events: EventPublisher;
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
 * Takes many people off their posts at once (a team gone out): every position re-planned in one
 * pass by the rule of a decline (`replanPositions`, the problem built once), the plan in force
 * written once, each replacement told. A position that pass leaves open goes through `takeOffPost`
 * (the engine re-plans that post alone). Returns how many positions were filled again.
 */
export async function takeOffPosts(
  deps: ReplaceDeps,
  leaving: readonly PlannedAssignment[],
  why: (a: PlannedAssignment) => { readonly key: string; readonly reason: string },
  correlationId: string,
  at: Date,
): Promise<number> {
  const inForce = deps.book.inForce;
  if (!inForce || leaving.length === 0) return 0;
  const acknowledged = new Set<string>();
  const refused = new Set(leaving.map((a) => a.staffId));
  const posts = new Set(leaving.map((a) => a.postId));
  for (const record of deps.duties.all())
    for (const n of record.notices) {
      if (n.state === "acknowledged" && n.duty) acknowledged.add(`${record.staffId}|${n.duty.postId}`);
      if (n.state === "declined" && n.duty && posts.has(n.duty.postId)) refused.add(record.staffId);
    }
  const current: Assignment[] = inForce.plan.assignments.map((a) => ({ ...a, acknowledged: acknowledged.has(`${a.staffId}|${a.postId}`) }));
  const answers = replanPositions({
    staff: deps.roster.staff,
    departments: deps.roster.departments,
    posts: inForce.posts,
    level: (inForce.inputs.mode && levelName(inForce.inputs.mode.level)) ?? "normal",
    current,
    leaving,
    refused: [...refused],
    ...deps.served?.(new Set(inForce.posts.map((p) => p.id))),
  });
  const key = (a: { staffId: string; postId: string; position: number }) => `${a.staffId}|${a.postId}#${a.position}`;
  const gone = new Set(leaving.map(key));
  const replacements = answers.flatMap((a) => (a.replacement ? [a.replacement] : []));
  const kept = inForce.plan.assignments.filter((a) => !gone.has(key(a)));
  await deps.book.putInForce({ ...inForce, plan: { ...inForce.plan, assignments: [...kept, ...replacements] } });
  for (const [i, answer] of answers.entries()) {
    const r = answer.replacement;
    if (!r) continue;
    const held = deps.book.inForce!.plan.assignments.filter((a) => a.staffId === r.staffId).map((a) => a.postId);
    await tellReassigned(
      deps,
      {
        id: noticeId(inForce.id, r.staffId, r.postId, `replaces ${why(leaving[i]!).key}`),
        staffId: r.staffId,
        planId: inForce.id,
        post: inForce.posts.find((p) => p.id === r.postId)!,
        posts: inForce.posts.filter((p) => held.includes(p.id)),
        reason: why(leaving[i]!).reason,
        at,
      },
      correlationId,
    );
  }
  // The few the one pass could not fill: the engine re-plans each post alone (they left the plan already).
  let filled = replacements.length;
  for (const [i, answer] of answers.entries()) {
    if (answer.replacement) continue;
    const a = leaving[i]!;
    const restored = deps.book.inForce!;
    await deps.book.putInForce({ ...restored, plan: { ...restored.plan, assignments: [...restored.plan.assignments, a] } });
    if (await takeOffPost(deps, a.staffId, a.postId, why(a), correlationId, at)) filled++;
  }
  return filled;
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
