import { killPoint, type Clock, type EventPublisher } from "@crisis/platform/ports";
import type { ApplyStaffingPlanResponse } from "@crisis/platform/contracts/staffing";
import { errors, postLeads } from "../domain";
import type { PostPlanner } from "./keep-posts-planned";
import { inputChanges, postsByPerson, type PlanBook } from "./plan-book";
import { inBatches, noticeId, tellReassigned, tellReleased, tellTeam, type TeamChange } from "./duty-notices";
import type { DutyBook, Roster } from "./ports";

/** Who applies a plan under the auto-apply setting. */
export const AUTO_APPLIER = "staffing:auto-apply";

export interface ApplyDeps {
  readonly planner: PostPlanner;
  readonly book: PlanBook;
  readonly events: EventPublisher;
  readonly clock: Clock;
  /** To name each released person's home department. */
  readonly roster?: Roster;
  /** Where each person's notices and duties are kept for their page. */
  readonly duties?: DutyBook;
}

/**
 * Puts a proposed plan in force: one crisis.staff.reassigned per person whose post changed from
 * the plan in force, one crisis.staff.released per person who no longer has a post (a shelter
 * closed, a stand-down) and goes back to their home department; when that is to keep a
 * department's floor, the people staying on the post are told too. A plan made before the mode, shelters or counters changed is refused (409),
 * saying what changed; applying the plan in force again publishes nothing.
 */
export async function applyStaffingPlan(
  deps: ApplyDeps,
  planId: string,
  correlationId: string,
  appliedBy: string,
): Promise<ApplyStaffingPlanResponse> {
  // Checked first: the plan in force survives a restart, the proposals do not.
  if (deps.book.inForce?.id === planId) return { planId, reassigned: 0, released: 0, alreadyApplied: true };
  const proposed = deps.book.get(planId);
  if (!proposed) throw errors.planNotFound(planId);
  const changed = inputChanges(proposed.inputs, deps.planner.inputs());
  if (changed !== "") throw errors.planStale(planId, changed);
  const before = postsByPerson(deps.book.inForce?.plan);
  // Notice ids come from the cause, the plan in force being replaced and each person's move, not
  // from the proposal's random id: a take-over that proposes again after the last holder died in
  // the middle of an apply names the same notices, and JetStream drops those already told.
  const base = deps.book.inForce?.id ?? "no plan in force";
  const posts = new Map(proposed.posts.map((p) => [p.id, p]));
  const at = deps.clock.now();
  const held = new Map<string, typeof proposed.posts>();
  for (const a of proposed.plan.assignments) held.set(a.staffId, [...(held.get(a.staffId) ?? []), posts.get(a.postId)!]);
  const moved = proposed.plan.assignments.filter((a) => before.get(a.staffId) !== a.postId);
  const leadOf = postLeads(proposed.plan.assignments, deps.roster?.staff ?? []);
  killPoint("apply:start");
  await inBatches(moved, 32, async (a) => {
    await tellReassigned(
      deps,
      {
        id: noticeId(base, a.staffId, before.get(a.staffId) ?? "", a.postId),
        staffId: a.staffId,
        planId,
        post: posts.get(a.postId)!,
        posts: held.get(a.staffId)!,
        reason: a.explanation,
        at,
        lead: leadOf(a.postId, a.staffId),
      },
      correlationId,
    );
    killPoint("apply:published");
  });
  const people = new Map((deps.roster?.staff ?? []).map((p) => [p.id, p]));
  const leaving = [...before.keys()].sort().filter((staffId) => !held.has(staffId));
  const why = inputChanges(deps.book.inForce?.inputs ?? proposed.inputs, proposed.inputs) || "plan changed";
  // Those the plan brings back to keep their department's floor are told which floor (a `returned` notice).
  const toFloors = new Map(proposed.plan.released.filter((r) => r.floor).map((r) => [r.assignment.staffId, r]));
  await inBatches(leaving, 32, (staffId) =>
    tellReleased(
      deps,
      {
        id: noticeId(base, `${staffId}|released`, before.get(staffId) ?? ""),
        staffId,
        department: people.get(staffId)?.department ?? "",
        reason: toFloors.get(staffId)?.reason ?? `post ${before.get(staffId)} is no longer staffed (${why})`,
        at,
        floor: toFloors.get(staffId)?.floor,
      },
      correlationId,
    ),
  );
  // …and the people staying on the posts they left are told who left, why, and who replaces them.
  const teamChanges: TeamChange[] = [...toFloors.values()].flatMap(({ assignment: left, floor }) => {
    const post = posts.get(left.postId);
    if (!post || !floor) return [];
    const onPost = proposed.plan.assignments.filter((a) => a.postId === left.postId && a.staffId !== left.staffId);
    const replacement = onPost.find((a) => a.position === left.position && before.get(a.staffId) !== left.postId);
    return onPost
      .filter((a) => a !== replacement)
      .map((a) => ({
        id: noticeId(base, `${a.staffId}|team|${left.staffId}`, left.postId),
        staffId: a.staffId,
        post,
        left: { staffId: left.staffId, name: people.get(left.staffId)?.name ?? left.staffId },
        floor,
        replacementName: replacement ? (people.get(replacement.staffId)?.name ?? replacement.staffId) : "",
        at,
      }));
  });
  await inBatches(teamChanges, 32, (t) => tellTeam(deps, t, correlationId));
  await deps.book.putInForce(proposed, appliedBy !== AUTO_APPLIER);
  killPoint("apply:end");
  return { planId, reassigned: moved.length, released: leaving.length, alreadyApplied: false };
}
