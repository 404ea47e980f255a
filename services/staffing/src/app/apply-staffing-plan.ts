import { createHash } from "node:crypto";
import type { Clock } from "@crisis/platform";
import type { ApplyStaffingPlanResponse } from "@crisis/platform/contracts/staffing";
import { errors } from "../domain";
import type { PostPlanner } from "./keep-posts-planned";
import { inputChanges, postsByPerson, type PlanBook } from "./plan-book";
import type { Roster, StaffEvents } from "./ports";

/** Who applies a plan under the auto-apply setting. */
export const AUTO_APPLIER = "staffing:auto-apply";

export interface ApplyDeps {
  readonly planner: PostPlanner;
  readonly book: PlanBook;
  readonly events: StaffEvents;
  readonly clock: Clock;
  /** To name each released person's home department. */
  readonly roster?: Roster;
}

/** Deterministic, so that applying again after a crash publishes nothing twice. */
const noticeId = (planId: string, staffId: string) => createHash("sha256").update(`${planId}|${staffId}`).digest("hex").slice(0, 24);

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
  const issuedAt = deps.clock.now().toISOString();
  let reassigned = 0;
  for (const a of proposed.plan.assignments) {
    if (before.get(a.staffId) === a.postId) continue;
    const post = posts.get(a.postId)!;
    const id = noticeId(planId, a.staffId);
    await deps.events.reassigned(
      {
        eventId: `staff-reassigned-${id}`,
        noticeId: id,
        staffId: a.staffId,
        planId,
        postId: a.postId,
        place: post.place,
        ward: post.ward,
        duty: post.duty,
        startsAt: post.start.toISOString(),
        endsAt: post.end.toISOString(),
        reportTo: `${post.place} 責任者`,
        reason: a.explanation,
        issuedAt,
      },
      correlationId,
    );
    reassigned++;
  }
  const now = new Map(proposed.plan.assignments.map((a) => [a.staffId, a]));
  const departments = new Map((deps.roster?.staff ?? []).map((p) => [p.id, p.department]));
  let released = 0;
  for (const staffId of [...before.keys()].sort()) {
    if (now.has(staffId)) continue;
    const id = noticeId(planId, `${staffId}|released`);
    await deps.events.released(
      {
        eventId: `staff-released-${id}`,
        noticeId: id,
        staffId,
        department: departments.get(staffId) ?? "",
        reason: `post ${before.get(staffId)} is no longer staffed (${inputChanges(deps.book.inForce!.inputs, proposed.inputs) || "plan changed"})`,
        releasedAt: issuedAt,
      },
      correlationId,
    );
    released++;
  }
  deps.book.inForce = proposed;
  if (appliedBy !== AUTO_APPLIER) deps.book.reviewedFor = proposed.inputs.mode?.declaredAt;
  return { planId, reassigned, released, alreadyApplied: false };
}
