import { levelName } from "@crisis/platform/contracts";
import { replan, replanPosition, type Assignment, type PlannedAssignment, type PlanRequest, type Post } from "../domain";
import type { PlanBook } from "./plan-book";
import type { DutyBook, LinearProgramSolver, Roster } from "./ports";

export interface ReplacementDeps {
  readonly roster: Roster;
  readonly book: PlanBook;
  readonly duties: DutyBook;
  readonly solver: LinearProgramSolver;
  /** Duty each person served so far, as plans read it: a replacement must be rested too. */
  readonly served?: (planned: ReadonlySet<string>) => Pick<PlanRequest, "minutesOnDuty" | "lastDutyEnd">;
}

export interface ReplacementProposal {
  readonly staffId: string;
  readonly name: string;
  readonly post: Post;
  /** The post's assignments with the replacement in. */
  readonly onPost: readonly PlannedAssignment[];
}

/**
 * Re-plans one post of the plan in force without `leaving` (who declined, or has not answered).
 * First without the solver, at once: anyone qualified who is free and rested, people already on
 * other posts included (they cost their department nothing more, so a department at its floor can
 * still give one). Only when that finds nobody, the engine re-plans the post alone among the
 * people the plan leaves at their desks; those already on the post stay, and each department's
 * floor still holds. Whoever declined this post before is not asked again. Nothing is applied: the
 * caller decides.
 */
export async function proposeReplacement(deps: ReplacementDeps, leaving: string, postId: string): Promise<ReplacementProposal | undefined> {
  const inForce = deps.book.inForce;
  const post = inForce?.posts.find((p) => p.id === postId);
  if (!inForce || !post) return undefined;
  const stay = inForce.plan.assignments.filter((a) => a.postId === postId && a.staffId !== leaving);
  const staying = new Set(stay.map((a) => a.staffId));
  const taken = new Set(inForce.plan.assignments.map((a) => a.staffId));
  const refused = new Set([leaving]);
  const acknowledged = new Set<string>();
  for (const record of deps.duties.all()) {
    for (const n of record.notices) {
      if (n.duty?.postId === postId && n.state === "declined") refused.add(record.staffId);
      if (n.state === "acknowledged" && n.duty) acknowledged.add(`${record.staffId}|${n.duty.postId}`);
    }
  }
  const level = (inForce.inputs.mode && levelName(inForce.inputs.mode.level)) ?? "normal";
  const served = deps.served?.(new Set(inForce.posts.map((p) => p.id)));
  const named = (chosen: PlannedAssignment, onPost: readonly PlannedAssignment[]): ReplacementProposal => {
    const name = deps.roster.staff.find((p) => p.id === chosen.staffId)?.name ?? chosen.staffId;
    return { staffId: chosen.staffId, name, post, onPost };
  };

  const declined = inForce.plan.assignments.find((a) => a.postId === postId && a.staffId === leaving);
  if (declined) {
    const current: Assignment[] = inForce.plan.assignments.map((a) => ({
      ...a,
      acknowledged: acknowledged.has(`${a.staffId}|${a.postId}`),
    }));
    const { replacement } = replanPosition({
      staff: deps.roster.staff,
      departments: deps.roster.departments,
      posts: inForce.posts,
      level,
      current,
      declined,
      refused: [...refused],
      ...served,
    });
    if (replacement) return named(replacement, [...stay, replacement]);
  }

  const staff = deps.roster.staff.filter((p) => !refused.has(p.id) && (!taken.has(p.id) || staying.has(p.id)));
  const current: Assignment[] = stay.map((a) => ({ ...a, acknowledged: acknowledged.has(`${a.staffId}|${postId}`) }));
  const plan = await replan({ staff, departments: deps.roster.departments, posts: [post], level, current, ...served }, deps.solver);
  const chosen = plan.assignments.find((a) => !staying.has(a.staffId));
  return chosen && named(chosen, plan.assignments);
}
