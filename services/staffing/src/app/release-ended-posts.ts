import { ModeLevel } from "@crisis/platform/contracts";
import type { Clock, EventPublisher } from "@crisis/platform/ports";
import { emergencyPosts, endedPosts, postSource, type PostTemplates } from "../domain";
import { noticeId, tellReleased } from "./duty-notices";
import type { PostPlanner } from "./keep-posts-planned";
import type { PlanBook } from "./plan-book";
import type { DutyBook, Roster } from "./ports";

export interface ReleaseDeps {
  readonly planner: PostPlanner;
  readonly book: PlanBook;
  readonly templates: PostTemplates;
  readonly roster: Roster;
  readonly events: EventPublisher;
  readonly duties: DutyBook;
  readonly clock: Clock;
}

/**
 * Run with the reminder tick: people on posts that ended (shelter closed, counter back to normal,
 * stand-down) and have not started go back to their home department with a release notice, without
 * waiting for anyone to apply a new plan. Someone still holding another post keeps it.
 */
export async function releaseEndedPosts(deps: ReleaseDeps): Promise<number> {
  const inForce = deps.book.inForce;
  if (!inForce) return 0;
  const now = deps.clock.now();
  const { mode, shelters, counters } = deps.planner.inputs();
  const callCentre = mode !== undefined && mode.level >= ModeLevel.MODE_LEVEL_ALERT;
  // The sources the planner would staff now, whatever the day.
  const live = new Set(
    emergencyPosts(deps.templates, { days: ["2000-01-01"], shelters, callCentre, counters }).map((p) => postSource(p.id)),
  );
  const ended = new Set(endedPosts(inForce.posts, live, now).map((p) => p.id));
  if (ended.size === 0) return 0;
  const leaving = inForce.plan.assignments.filter((a) => ended.has(a.postId));
  const remaining = inForce.plan.assignments.filter((a) => !ended.has(a.postId));
  const departments = new Map(deps.roster.staff.map((p) => [p.id, p.department]));
  const held = new Set(remaining.map((a) => a.staffId));
  for (const a of leaving) {
    const reason = `post ${a.postId} ended before its shift (${postSource(a.postId)} is no longer staffed)`;
    if (held.has(a.staffId)) {
      // Only this duty goes; the person's other posts stay.
      await deps.duties.update(a.staffId, (r) => ({ ...r, duties: r.duties.filter((d) => d.postId !== a.postId) }));
      continue;
    }
    await tellReleased(
      deps,
      {
        id: noticeId(inForce.id, a.staffId, a.postId, "ended"),
        staffId: a.staffId,
        department: departments.get(a.staffId) ?? "",
        reason,
        at: now,
      },
      `release-${inForce.id}`,
    );
  }
  // Only once everyone is told: a crash before this leaves the ended posts in the plan, so the next
  // tick (or the standby taking over) tells the rest under the same ids instead of nobody. A plan
  // applied meanwhile stays in force; the next tick releases what ended in it.
  if (deps.book.inForce !== inForce) return leaving.length;
  await deps.book.putInForce({
    ...inForce,
    posts: inForce.posts.filter((p) => !ended.has(p.id)),
    plan: { ...inForce.plan, assignments: remaining },
  });
  return leaving.length;
}
