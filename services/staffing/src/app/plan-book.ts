import type { Plan, Post } from "../domain";
import type { PlanInputs } from "./keep-posts-planned";

/** A proposed plan and what it was made from, so that applying it can tell whether the world moved on. */
export interface ProposedPlan {
  readonly id: string;
  readonly proposedAt: Date;
  readonly inputs: PlanInputs;
  readonly plan: Plan;
  readonly posts: readonly Post[];
}

/** Each person's post in a plan (a one-day plan gives each person at most one post). */
export const postsByPerson = (plan: Plan | undefined) => new Map((plan?.assignments ?? []).map((a) => [a.staffId, a.postId]));

/** The plans proposed so far and the one in force. Kept in memory: a restart starts a fresh book. */
export class PlanBook {
  private readonly proposed = new Map<string, ProposedPlan>();
  inForce: ProposedPlan | undefined;
  /** The declaration (its declaredAt) for which a person, not the auto-apply setting, applied a plan. */
  reviewedFor: string | undefined;

  add(plan: ProposedPlan): void {
    this.proposed.set(plan.id, plan);
  }

  get(id: string): ProposedPlan | undefined {
    return this.proposed.get(id);
  }
}

/** What differs between the inputs a plan was made from and those now, in words; "" when nothing. */
export function inputChanges(then: PlanInputs, now: PlanInputs): string {
  const words: string[] = [];
  if ((then.mode?.level ?? 0) !== (now.mode?.level ?? 0) || (then.mode?.declaredAt ?? "") !== (now.mode?.declaredAt ?? "")) {
    words.push("the mode changed");
  }
  const diff = (what: string, a: readonly string[], b: readonly string[]) => {
    const before = new Set(a);
    const after = new Set(b);
    const added = b.filter((x) => !before.has(x));
    const removed = a.filter((x) => !after.has(x));
    if (added.length > 0) words.push(`${what} opened: ${added.join(", ")}`);
    if (removed.length > 0) words.push(`${what} closed: ${removed.join(", ")}`);
  };
  diff(
    "shelters",
    then.shelters.map((s) => s.id),
    now.shelters.map((s) => s.id),
  );
  diff(
    "extended counters",
    then.counters.map((c) => `${c.serviceId} ${c.ward}`),
    now.counters.map((c) => `${c.serviceId} ${c.ward}`),
  );
  return words.join("; ");
}
