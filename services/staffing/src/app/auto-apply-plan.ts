import type { Logger } from "@crisis/platform/ports";
import { ModeLevel } from "@crisis/platform/contracts";
import { AUTO_APPLIER, applyStaffingPlan, type ApplyDeps } from "./apply-staffing-plan";
import { proposeStaffingPlan, type ProposeDeps } from "./propose-staffing-plan";

/**
 * The setting for the first hours of a declaration, when nobody has time to review: each plan
 * staffing settles on is applied by itself (people told of their posts at once) until a person
 * applies a plan for that declaration; from then on plans wait for review. At the stand-down,
 * the plan that sends everyone home applies by itself too.
 */
export async function autoApplyPlan(deps: ProposeDeps & ApplyDeps & { logger: Logger }): Promise<void> {
  const mode = deps.planner.inputs().mode;
  const declared = mode !== undefined && mode.level >= ModeLevel.MODE_LEVEL_ALERT;
  // At a stand-down the people still on posts are sent home without waiting for anyone.
  const standDown = !declared && (deps.book.inForce?.plan.assignments.length ?? 0) > 0;
  if (!standDown && (!declared || deps.book.reviewedFor === mode.declaredAt)) return;
  const plan = await proposeStaffingPlan(deps);
  if (plan.changes.length === 0) return;
  try {
    const applied = await applyStaffingPlan(deps, plan.planId, `auto-${plan.planId}`, AUTO_APPLIER);
    deps.logger.info({ planId: plan.planId, reassigned: applied.reassigned }, "plan applied by itself (auto-apply setting)");
  } catch (err) {
    // Something changed while proposing: the next settled plan is applied instead.
    deps.logger.info({ err, planId: plan.planId }, "auto-apply skipped a plan that went stale");
  }
}
