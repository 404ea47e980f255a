import { addPreferences, buildCoverageModel, type ModelInput } from "./coverage-model";
import { Explainer } from "./explain";
import { floorReturn, overdrawnLimit } from "./floor-guard";
import { drawLimits } from "./floors";
import { groupStaff } from "./groups";
import { buildProblem, cmp } from "./problem";
import { realize } from "./realize";
import { solveExactly, solveNearly, WHOLE_TOLERANCE } from "./integer-solve";
import { readStanding } from "./standing";
import type { LinearProgramSolver } from "./solver";
import { validateRequest } from "./validate-request";
import type { Plan, PlanRequest, ReplanRequest, Ward } from "../types";

/** Plans from scratch: as many positions covered as the rules allow, then the nicest such plan. */
export function planAssignments(request: PlanRequest, solver: LinearProgramSolver): Promise<Plan> {
  return replan({ ...request, current: [] }, solver);
}

/**
 * Re-plans after the situation changed: acknowledged assignments stay, coverage is again the
 * most the rules allow, and among such plans the one that moves the fewest people wins.
 */
export async function replan(request: ReplanRequest, solver: LinearProgramSolver): Promise<Plan> {
  validateRequest(request);
  const input = modelInput(request);
  const { problem, groups } = input.model;
  const { values, bound } = await solveModel(input.model, solver);
  const { placements, open } = realize(problem, groups, values, input.standing);
  const explainer = new Explainer(problem, input.model.limits, placements);
  const people = new Map(problem.staff.map((p) => [p.id, p]));
  const before = request.current.map((a) => people.get(a.staffId)).filter((p) => p !== undefined);
  const overdrawn = overdrawnLimit(problem, input.model.limits, before);
  const planned = new Set(placements.map((p) => `${p.person.id}@${p.position.post.id}#${p.position.position}`));
  return {
    assignments: placements
      .map((p) => ({
        staffId: p.person.id,
        postId: p.position.post.id,
        position: p.position.position,
        acknowledged: p.origin === "acknowledged",
        origin: p.origin,
        explanation: explainer.whyThisPerson(p),
      }))
      .sort((a, b) => cmp(a.postId, b.postId) || a.position - b.position),
    uncovered: open.map((p) => ({ postId: p.post.id, position: p.position, skills: p.skills, explanation: explainer.whyNoOne(p) })),
    positionsRequired: problem.positions.length,
    positionsCovered: placements.length,
    upperBound: input.acknowledged + bound,
    released: [
      ...input.standing.released,
      ...request.current
        .filter((a) => !a.acknowledged && !planned.has(`${a.staffId}@${a.postId}#${a.position}`))
        .filter((a) => !input.standing.released.some((r) => r.assignment === a))
        .map((assignment) => {
          const person = people.get(assignment.staffId);
          const limit = person && overdrawn(person);
          return limit
            ? { assignment, ...floorReturn(problem, limit) }
            : { assignment, reason: "moved so that more positions are covered", optional: true };
        }),
    ],
  };
}

/**
 * The two solves. The relaxation's optimum, rounded down, bounds coverage; the preference
 * solve then asks for exactly that coverage, and a whole answer to it is a plan proven optimal
 * without ever branching on coverage. Only if no whole plan reaches the bound does the
 * coverage model go through branch and bound first.
 */
async function solveModel(model: ModelInput, solver: LinearProgramSolver): Promise<{ values: ReadonlyMap<string, number>; bound: number }> {
  const { lp, coverage } = buildCoverageModel(model);
  if (coverage.length === 0) return { values: new Map(), bound: 0 };
  const relaxed = await solver.solve(lp.toText("Maximize", true), 0, "primal");
  const bound = Math.floor(relaxed.objective + WHOLE_TOLERANCE);
  const preferred = async (covered: number, built = buildCoverageModel(model)) => {
    addPreferences(built.lp, model, built.coverage, covered);
    return (await solveNearly(solver, built.lp, "Minimize")).values;
  };
  try {
    return { values: await preferred(bound, { lp, coverage }), bound };
  } catch {
    const best = await solveExactly(solver, buildCoverageModel(model).lp, "Maximize", "primal");
    return { values: await preferred(Math.round(best.objective)), bound };
  }
}

/** The integer model's input for a request; also used to compute the optimum bound. */
export function modelInput(request: ReplanRequest) {
  const problem = buildProblem(request.staff, request.departments, request.posts, request);
  const limits = drawLimits(problem, request.level);
  const standing = readStanding(problem, request.current, limits);
  const standAlone = new Set([...standing.held.map((h) => h.person.id), ...standing.previous.keys()]);
  const groups = groupStaff(problem, standAlone);
  const groupOf = new Map(groups.flatMap((g) => g.members.map((m) => [m.id, g.index] as const)));
  const taken = new Set(standing.held.map((h) => h.position));
  const demand = new Map<number, Map<Ward, number>>();
  for (const p of problem.positions) {
    if (taken.has(p)) continue;
    const perWard = demand.get(p.role) ?? new Map<Ward, number>();
    perWard.set(p.post.ward, (perWard.get(p.post.ward) ?? 0) + 1);
    demand.set(p.role, perWard);
  }
  const held = new Map<number, number[]>();
  for (const h of standing.held) {
    const g = groupOf.get(h.person.id)!;
    held.set(g, [...(held.get(g) ?? []), h.position.shift]);
  }
  const keep = [...standing.previous].flatMap(([id, positions]) => positions.map((p) => ({ group: groupOf.get(id)!, role: p.role })));
  const model: ModelInput = { problem, groups, limits, demand, held, keep };
  return { model, standing, acknowledged: standing.held.length };
}
