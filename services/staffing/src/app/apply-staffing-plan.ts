import type { Clock } from "@crisis/platform";
import type { ApplyStaffingPlanResponse } from "@crisis/platform/contracts/staffing";
import { errors } from "../domain";
import type { PostPlanner } from "./keep-posts-planned";
import { inputChanges, postsByPerson, type PlanBook } from "./plan-book";
import { noticeId, tellReassigned, tellReleased } from "./duty-notices";
import type { DutyBook, Roster, StaffEvents } from "./ports";

/** Who applies a plan under the auto-apply setting. */
export const AUTO_APPLIER = "staffing:auto-apply";

export interface ApplyDeps {
  readonly planner: PostPlanner;
  readonly book: PlanBook;
  readonly events: StaffEvents;
  readonly clock: Clock;
  /** To name each released person's home department. */
  readonly roster?: Roster;
  /** Where each person's notices and duties are kept for their page. */
  readonly duties?: DutyBook;
}

/**
 * Puts a proposed plan in force: one crisis.staff.reassigned per person whose post changed from
 * the plan in force, one crisis.staff.released per person who no longer has a post (a shelter
 * closed, a stand-down) and goes back to their home department. A plan made before the mode, shelters or counters changed is refused (409),
 * saying what changed; applying the plan in force again publishes nothing.
 */
export async function applyStaffingPlan(
  deps: ApplyDeps,
  planId: string,
  correlationId: string,
  appliedBy: string,
): Promise<ApplyStaffingPlanResponse> {
  const proposed = deps.book.get(planId);
  if (!proposed) throw errors.planNotFound(planId);
  if (deps.book.inForce?.id === planId) return { planId, reassigned: 0, released: 0, alreadyApplied: true };
  const changed = inputChanges(proposed.inputs, deps.planner.inputs());
  if (changed !== "") throw errors.planStale(planId, changed);
  const before = postsByPerson(deps.book.inForce?.plan);
  const posts = new Map(proposed.posts.map((p) => [p.id, p]));
  const at = deps.clock.now();
  const held = new Map<string, typeof proposed.posts>();
  for (const a of proposed.plan.assignments) held.set(a.staffId, [...(held.get(a.staffId) ?? []), posts.get(a.postId)!]);
  let reassigned = 0;
  for (const a of proposed.plan.assignments) {
    if (before.get(a.staffId) === a.postId) continue;
    const post = posts.get(a.postId)!;
    const id = noticeId(planId, a.staffId);
    await tellReassigned(
      deps,
      { id, staffId: a.staffId, planId, post, posts: held.get(a.staffId)!, reason: a.explanation, at },
      correlationId,
    );
    reassigned++;
  }
  const departments = new Map((deps.roster?.staff ?? []).map((p) => [p.id, p.department]));
  let released = 0;
  for (const staffId of [...before.keys()].sort()) {
    if (held.has(staffId)) continue;
    const reason = `post ${before.get(staffId)} is no longer staffed (${inputChanges(deps.book.inForce!.inputs, proposed.inputs) || "plan changed"})`;
    await tellReleased(
      deps,
      { id: noticeId(planId, `${staffId}|released`), staffId, department: departments.get(staffId) ?? "", reason, at },
      correlationId,
    );
    released++;
  }
  deps.book.inForce = proposed;
  if (appliedBy !== AUTO_APPLIER) deps.book.reviewedFor = proposed.inputs.mode?.declaredAt;
  return { planId, reassigned, released, alreadyApplied: false };
}
