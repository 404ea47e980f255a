import { buildCoverageModel } from "./coverage-model";
import { modelInput } from "./replan";
import { solveLinearProgram } from "./solver";
import type { PlanRequest, ReplanRequest } from "./types";

/** Guards against reading 11.9999999 as 11 after floating-point simplex. */
const TOLERANCE = 1e-6;

/**
 * An upper bound on the positions any plan can cover: the linear relaxation of the coverage
 * model (people may be split into fractions), rounded down. A plan that reaches it is optimal.
 */
export async function optimumBound(request: PlanRequest | ReplanRequest): Promise<number> {
  const { model, acknowledged } = modelInput({ current: [], ...request });
  const { lp, coverage } = buildCoverageModel(model);
  if (coverage.length === 0) return acknowledged;
  const relaxed = await solveLinearProgram(lp.toText("Maximize", true));
  return acknowledged + Math.floor(relaxed.objective + TOLERANCE);
}
