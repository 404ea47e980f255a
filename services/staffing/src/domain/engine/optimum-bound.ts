import { buildCoverageModel } from "./coverage-model";
import { modelInput } from "./replan";
import { WHOLE_TOLERANCE } from "./integer-solve";
import type { LinearProgramSolver } from "./solver";
import type { PlanRequest, ReplanRequest } from "../types";

/**
 * An upper bound on the positions any plan can cover: the linear relaxation of the coverage
 * model (people may be split into fractions), rounded down. A plan that reaches it is optimal.
 */
export async function optimumBound(request: PlanRequest | ReplanRequest, solver: LinearProgramSolver): Promise<number> {
  const { model, acknowledged } = modelInput({ current: [], ...request });
  const { lp, coverage } = buildCoverageModel(model);
  if (coverage.length === 0) return acknowledged;
  const relaxed = await solver.solve(lp.toText("Maximize", true), 0, "primal");
  return acknowledged + Math.floor(relaxed.objective + WHOLE_TOLERANCE);
}
