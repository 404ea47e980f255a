import { highsSolver } from "../../services/staffing/src/adapters/solver/highs";
import {
  checkPlan,
  greedyPlan,
  optimumBound,
  planAssignments,
  replan,
  replanPosition,
  type LinearProgramSolver,
  type Plan,
  type PlanRequest,
} from "../../services/staffing/src/domain";
import { flowBound } from "./flow-bound";
import { acknowledgeHalf, DAYS, LARGE_STAFF, largeScenario, scenario, staffDropOut, STAFF } from "./scenario";
import { printFigures } from "../print";

const DROP_OUT = 0.05;

/** Wall time, and the CPU time this process spent (on the shared 2-core box the wall time swings with other work). */
async function timed<T>(work: () => Promise<T> | T): Promise<[T, number, number]> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [result, Number(process.hrtime.bigint() - start) / 1e6, (used.user + used.system) / 1000];
}
const both = (ms: number, cpuMs: number) => `${ms.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms)`;
const declined = (d: { ms: number; cpuMs: number; replaced: boolean; why: string }) =>
  `${both(d.ms, d.cpuMs)}, ${d.replaced ? "replaced" : `not replaced: ${d.why}`}`;

const key = (a: { staffId: string; postId: string; position: number }) => `${a.staffId}@${a.postId}#${a.position}`;

/** A plan against the pooled model's bound and the independent flow bound, and its rule check. */
async function atScale(request: PlanRequest, solver: LinearProgramSolver) {
  const [plan, ms, cpuMs] = await timed(() => planAssignments(request, solver));
  const [bound] = await timed(() => optimumBound(request, solver));
  const [flow] = await timed(() => flowBound(request));
  return { plan, ms, cpuMs, bound, flow, violations: checkPlan(request, plan.assignments).length };
}

/**
 * A decline re-planned two ways: `replanPosition` (one position, everything else in force, no
 * solver), and a solver re-plan of the one post with the decliner and everyone the plan
 * already sends elsewhere left out (so floors count them as gone), the others on the post kept.
 */
async function decline(request: PlanRequest, plan: Plan, solver: LinearProgramSolver) {
  const declined = plan.assignments[Math.floor(plan.assignments.length / 2)]!;
  const post = request.posts.find((p) => p.id === declined.postId)!;
  const stay = plan.assignments.filter((a) => a.postId === post.id && a.staffId !== declined.staffId);
  const staying = new Set(stay.map((a) => a.staffId));
  const taken = new Set(plan.assignments.map((a) => a.staffId));
  const staff = request.staff.filter((p) => p.id !== declined.staffId && (!taken.has(p.id) || staying.has(p.id)));
  const current = stay.map((a) => ({ staffId: a.staffId, postId: a.postId, position: a.position, acknowledged: true }));
  const [again, ms, cpuMs] = await timed(() => replan({ ...request, staff, posts: [post], current }, solver));
  const replacement = again.assignments.find((a) => a.postId === post.id && a.position === declined.position);
  const open = again.uncovered.find((u) => u.postId === post.id && u.position === declined.position);
  const inForce = plan.assignments.map((a) => ({ staffId: a.staffId, postId: a.postId, position: a.position, acknowledged: true }));
  const [one, oneMs, oneCpuMs] = await timed(() => replanPosition({ ...request, current: inForce, declined }));
  const violations = one.replacement ? checkPlan(request, [...inForce.filter((a) => key(a) !== key(declined)), one.replacement]).length : 0;
  return {
    ms,
    cpuMs,
    replaced: replacement !== undefined && replacement.staffId !== declined.staffId,
    why: open?.explanation ?? "",
    position: { ms: oneMs, cpuMs: oneCpuMs, replaced: one.replacement !== undefined, why: one.uncovered?.explanation ?? "", violations },
  };
}

/** 10,000 staff × 300 posts × 3 shifts: the engine against its bound and a greedy clerk, then a re-plan. */
export async function run(): Promise<void> {
  const solver = highsSolver();
  const request = scenario();
  const [plan, planMs, planCpuMs] = await timed(() => planAssignments(request, solver));
  const [bound, boundMs] = await timed(() => optimumBound(request, solver));
  const [greedy, greedyMs] = await timed(() => greedyPlan(request));
  const violations = checkPlan(request, plan.assignments).length + checkPlan(request, greedy).length;

  const { request: after, gone } = staffDropOut(request, DROP_OUT);
  const current = acknowledgeHalf(plan.assignments);
  const [second, replanMs, replanCpuMs] = await timed(() => replan({ ...after, current }, solver));
  const [boundAfter] = await timed(() => optimumBound({ ...after, current }, solver));
  const kept = new Set(second.assignments.map(key));
  const changed = current.filter((a) => !kept.has(key(a))).length;
  const unavailable = second.released.filter((r) => r.reason.includes("unavailable")).length;
  const floorReturns = second.released.filter((r) => r.reason.startsWith("returned to keep")).length;
  const unforced = changed - unavailable - floorReturns;
  const added = second.assignments.filter((a) => a.origin === "new").length;
  const forcedOut = new Set(second.released.map((r) => key(r.assignment)));
  const acknowledgedKept = current.filter((a) => a.acknowledged && !forcedOut.has(key(a))).every((a) => kept.has(key(a)));
  const replanViolations = checkPlan(after, second.assignments).length;
  const flow = flowBound(request);

  const threeDays = await atScale(scenario(DAYS.length), solver);
  const threeDayDecline = await decline(scenario(DAYS.length), threeDays.plan, solver);
  const large = await atScale(largeScenario(), solver);
  const largeDecline = await decline(largeScenario(), large.plan, solver);

  const rows: [string, string][] = [
    ["staff × posts × shifts", `${request.staff.length} × 300 × 3 (${plan.positionsRequired} positions)`],
    ["engine: plan time", both(planMs, planCpuMs)],
    ["engine: positions covered", `${plan.positionsCovered}`],
    ["optimum bound (LP relaxation)", `${bound} (${boundMs.toFixed(0)} ms)`],
    ["independent bound (max-flow, no pooling)", `${flow}`],
    ["greedy: positions covered", `${greedy.length} (${greedyMs.toFixed(0)} ms)`],
    ["coverage vs optimum bound", (plan.positionsCovered / bound).toFixed(4)],
    ["coverage vs greedy", (plan.positionsCovered / greedy.length).toFixed(4)],
    ["rule violations (engine + greedy)", `${violations}`],
    [`re-plan: ${gone.size} staff (${DROP_OUT * 100} %) unavailable`, both(replanMs, replanCpuMs)],
    ["re-plan: positions covered / bound", `${second.positionsCovered} / ${boundAfter}`],
    ["re-plan: assignments changed", `${changed} of ${current.length}`],
    ["  of which: person now unavailable", `${unavailable}`],
    ["  of which: department fell to its floor", `${floorReturns}`],
    ["  of which: not forced by either", `${unforced}`],
    ["re-plan: new assignments", `${added}`],
    ["re-plan: acknowledged kept (unless forced)", acknowledgedKept ? "all" : "NOT ALL"],
    ["re-plan: rule violations", `${replanViolations}`],
    [`${STAFF} staff × ${DAYS.length} days: plan time`, both(threeDays.ms, threeDays.cpuMs)],
    [
      "  covered / LP bound / flow bound",
      `${threeDays.plan.positionsCovered} / ${threeDays.bound} / ${threeDays.flow} of ${threeDays.plan.positionsRequired}`,
    ],
    ["  rule violations", `${threeDays.violations}`],
    ["  a decline: replanPosition", declined(threeDayDecline.position)],
    ["  a decline: solver on the one post", declined(threeDayDecline)],
    [`${LARGE_STAFF} staff × 1,200 posts × 3 shifts: plan time`, both(large.ms, large.cpuMs)],
    [
      "  covered / LP bound / flow bound",
      `${large.plan.positionsCovered} / ${large.bound} / ${large.flow} of ${large.plan.positionsRequired}`,
    ],
    ["  rule violations", `${large.violations}`],
    ["  a decline: replanPosition", declined(largeDecline.position)],
    ["  a decline: solver on the one post", declined(largeDecline)],
  ];
  console.log(`\nstaffing assignment engine — ${STAFF} synthetic staff, seed fixed\n`);
  printFigures(rows, {
    bench: "staffing",
    staff: request.staff.length,
    posts: 300,
    shifts: 3,
    positions: plan.positionsRequired,
    plan_ms: Math.round(planMs),
    plan_cpu_ms: Math.round(planCpuMs),
    covered: plan.positionsCovered,
    optimum_bound: bound,
    flow_bound: flow,
    greedy_covered: greedy.length,
    greedy_ms: Math.round(greedyMs),
    coverage_vs_optimum: plan.positionsCovered / bound,
    coverage_vs_greedy: plan.positionsCovered / greedy.length,
    ratio: plan.positionsCovered / greedy.length,
    violations,
    replan_unavailable_staff: gone.size,
    replan_ms: Math.round(replanMs),
    replan_cpu_ms: Math.round(replanCpuMs),
    replan_covered: second.positionsCovered,
    replan_optimum_bound: boundAfter,
    replan_changed_assignments: changed,
    replan_changes_person_unavailable: unavailable,
    replan_changes_floor_returns: floorReturns,
    replan_unforced_changes: unforced,
    replan_violations: replanViolations,
    replan_new_assignments: added,
    replan_acknowledged_kept: acknowledgedKept,
    three_day_staff: STAFF,
    three_day_positions: threeDays.plan.positionsRequired,
    three_day_plan_ms: Math.round(threeDays.ms),
    three_day_plan_cpu_ms: Math.round(threeDays.cpuMs),
    three_day_covered: threeDays.plan.positionsCovered,
    three_day_optimum_bound: threeDays.bound,
    three_day_flow_bound: threeDays.flow,
    three_day_coverage_vs_optimum: threeDays.plan.positionsCovered / threeDays.bound,
    three_day_violations: threeDays.violations,
    three_day_decline_ms: Math.round(threeDayDecline.ms),
    three_day_decline_cpu_ms: Math.round(threeDayDecline.cpuMs),
    three_day_decline_replaced: threeDayDecline.replaced,
    three_day_replan_position_ms: Math.round(threeDayDecline.position.ms),
    three_day_replan_position_cpu_ms: Math.round(threeDayDecline.position.cpuMs),
    three_day_replan_position_replaced: threeDayDecline.position.replaced,
    three_day_replan_position_violations: threeDayDecline.position.violations,
    large_staff: LARGE_STAFF,
    large_positions: large.plan.positionsRequired,
    large_plan_ms: Math.round(large.ms),
    large_plan_cpu_ms: Math.round(large.cpuMs),
    large_covered: large.plan.positionsCovered,
    large_optimum_bound: large.bound,
    large_flow_bound: large.flow,
    large_coverage_vs_optimum: large.plan.positionsCovered / large.bound,
    large_violations: large.violations,
    large_decline_ms: Math.round(largeDecline.ms),
    large_decline_cpu_ms: Math.round(largeDecline.cpuMs),
    large_decline_replaced: largeDecline.replaced,
    large_replan_position_ms: Math.round(largeDecline.position.ms),
    large_replan_position_cpu_ms: Math.round(largeDecline.position.cpuMs),
    large_replan_position_replaced: largeDecline.position.replaced,
    large_replan_position_violations: largeDecline.position.violations,
  });
}
