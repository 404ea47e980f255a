import { highsSolver } from "../../services/staffing/src/adapters/solver/highs";
import { checkPlan, greedyPlan, optimumBound, planAssignments, replan } from "../../services/staffing/src/domain";
import { acknowledgeHalf, scenario, staffDropOut, STAFF } from "./scenario";

const DROP_OUT = 0.05;

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

const key = (a: { staffId: string; postId: string; position: number }) => `${a.staffId}@${a.postId}#${a.position}`;

/** 10,000 staff × 300 posts × 3 shifts: the engine against its bound and a greedy clerk, then a re-plan. */
export async function run(): Promise<void> {
  const solver = highsSolver();
  const request = scenario();
  const [plan, planMs] = await timed(() => planAssignments(request, solver));
  const [bound, boundMs] = await timed(() => optimumBound(request, solver));
  const [greedy, greedyMs] = await timed(() => greedyPlan(request));
  const violations = checkPlan(request, plan.assignments).length + checkPlan(request, greedy).length;

  const { request: after, gone } = staffDropOut(request, DROP_OUT);
  const current = acknowledgeHalf(plan.assignments);
  const [second, replanMs] = await timed(() => replan({ ...after, current }, solver));
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

  const rows: [string, string][] = [
    ["staff × posts × shifts", `${request.staff.length} × 300 × 3 (${plan.positionsRequired} positions)`],
    ["engine: plan time", `${planMs.toFixed(0)} ms`],
    ["engine: positions covered", `${plan.positionsCovered}`],
    ["optimum bound (LP relaxation)", `${bound} (${boundMs.toFixed(0)} ms)`],
    ["greedy: positions covered", `${greedy.length} (${greedyMs.toFixed(0)} ms)`],
    ["coverage vs optimum bound", (plan.positionsCovered / bound).toFixed(4)],
    ["coverage vs greedy", (plan.positionsCovered / greedy.length).toFixed(4)],
    ["rule violations (engine + greedy)", `${violations}`],
    [`re-plan: ${gone.size} staff (${DROP_OUT * 100} %) unavailable`, `${replanMs.toFixed(0)} ms`],
    ["re-plan: positions covered / bound", `${second.positionsCovered} / ${boundAfter}`],
    ["re-plan: assignments changed", `${changed} of ${current.length}`],
    ["  of which: person now unavailable", `${unavailable}`],
    ["  of which: department fell to its floor", `${floorReturns}`],
    ["  of which: not forced by either", `${unforced}`],
    ["re-plan: new assignments", `${added}`],
    ["re-plan: acknowledged kept (unless forced)", acknowledgedKept ? "all" : "NOT ALL"],
    ["re-plan: rule violations", `${replanViolations}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nstaffing assignment engine — ${STAFF} synthetic staff, seed fixed\n`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log(
    JSON.stringify({
      bench: "staffing",
      staff: request.staff.length,
      posts: 300,
      shifts: 3,
      positions: plan.positionsRequired,
      plan_ms: Math.round(planMs),
      covered: plan.positionsCovered,
      optimum_bound: bound,
      greedy_covered: greedy.length,
      greedy_ms: Math.round(greedyMs),
      coverage_vs_optimum: plan.positionsCovered / bound,
      coverage_vs_greedy: plan.positionsCovered / greedy.length,
      ratio: plan.positionsCovered / greedy.length,
      violations,
      replan_unavailable_staff: gone.size,
      replan_ms: Math.round(replanMs),
      replan_covered: second.positionsCovered,
      replan_optimum_bound: boundAfter,
      replan_changed_assignments: changed,
      replan_changes_person_unavailable: unavailable,
      replan_changes_floor_returns: floorReturns,
      replan_unforced_changes: unforced,
      replan_violations: replanViolations,
      replan_new_assignments: added,
      replan_acknowledged_kept: acknowledgedKept,
    }),
  );
}
