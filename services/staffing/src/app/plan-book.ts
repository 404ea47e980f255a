import type { Plan, Post } from "../domain";
import type { PlanInputs } from "./keep-posts-planned";
import type { PlanStore } from "./ports";

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

/**
 * The plans proposed so far and the one in force. Proposals are kept in memory only (a restart
 * asks for a new one); the plan in force and the reviewed declaration go to the store, so that a
 * restarted instance, or the standby taking over the lease, declines, re-applies and releases
 * exactly where the last one stopped.
 */
export class PlanBook {
  private readonly proposed = new Map<string, ProposedPlan>();
  private current: ProposedPlan | undefined;
  private reviewed: string | undefined;
  private saving: Promise<void> = Promise.resolve();

  constructor(private readonly store?: PlanStore) {}

  /** Reads back what the store kept (call once at start, before serving). */
  async restore(): Promise<void> {
    const kept = await this.store?.load();
    this.current = kept?.inForce;
    this.reviewed = kept?.reviewedFor;
  }

  get inForce(): ProposedPlan | undefined {
    return this.current;
  }

  /** The declaration (its declaredAt) for which a person, not the auto-apply setting, applied a plan. */
  get reviewedFor(): string | undefined {
    return this.reviewed;
  }

  /**
   * Puts a plan in force at once (reviewed: a person applied it, for its declaration), then stores
   * it. Saves run one after another, each writing the book as it is then, so that the store ends
   * with the latest even when an auto-apply and a person's apply overlap.
   */
  async putInForce(plan: ProposedPlan, reviewed = false): Promise<void> {
    this.current = plan;
    if (reviewed) this.reviewed = plan.inputs.mode?.declaredAt;
    const store = this.store;
    if (!store) return;
    this.saving = this.saving.catch(() => undefined).then(() => store.save({ inForce: this.current, reviewedFor: this.reviewed }));
    await this.saving;
  }

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
  const ended = then.shifts.filter((x) => !now.shifts.includes(x));
  if (ended.length > 0) words.push(`shifts ended: ${ended.join(", ")}`);
  diff(
    "extended counters",
    then.counters.map((c) => `${c.serviceId} ${c.ward}`),
    now.counters.map((c) => `${c.serviceId} ${c.ward}`),
  );
  return words.join("; ");
}
