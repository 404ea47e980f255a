import type { LinearProgram } from "./linear-program";
import type { LinearProgramSolver, SimplexMethod, Solution } from "./solver";

/** Guards against reading 11.9999999 as 11 after floating-point simplex. */
export const WHOLE_TOLERANCE = 1e-6;
const isWhole = (v: number) => Math.abs(v - Math.round(v)) < WHOLE_TOLERANCE;

/** The relaxation's optimum bounds the integer one: maximising, no plan beats it. */
export interface ExactSolution extends Solution {
  readonly relaxedObjective: number;
}

/**
 * Proven optimum. The LP relaxation comes first: these models are nearly network flows, so
 * its answer is usually whole already, and a whole answer that is optimal for the relaxation
 * is optimal for the integer program too. Only otherwise does branch and bound run.
 */
export async function solveExactly(
  solver: LinearProgramSolver,
  lp: LinearProgram,
  sense: "Maximize" | "Minimize",
  method?: SimplexMethod,
): Promise<ExactSolution> {
  const relaxed = await solver.solve(lp.toText(sense, true), 0, method);
  const integers = lp.integerNames();
  if (integers.every((name) => isWhole(relaxed.values.get(name) ?? 0))) {
    return { ...rounded(relaxed, integers), relaxedObjective: relaxed.objective };
  }
  return { ...(await solver.solve(lp.toText(sense))), relaxedObjective: relaxed.objective };
}

/**
 * A whole solution close to the relaxation's optimum, for preferences where "nearly best" is
 * enough: keep the variables the relaxation already made whole and branch only on the rest;
 * if that corner has no whole solution, branch on everything.
 */
export async function solveNearly(solver: LinearProgramSolver, lp: LinearProgram, sense: "Maximize" | "Minimize"): Promise<Solution> {
  const relaxed = await solver.solve(lp.toText(sense, true));
  const integers = lp.integerNames();
  const whole = integers.filter((name) => isWhole(relaxed.values.get(name) ?? 0));
  if (whole.length === integers.length) return rounded(relaxed, integers);
  const fixed = new Map(whole.map((name) => [name, Math.round(relaxed.values.get(name) ?? 0)]));
  try {
    return await solver.solve(lp.toText(sense, false, fixed));
  } catch {
    return solver.solve(lp.toText(sense));
  }
}

function rounded(solution: Solution, integers: readonly string[]): Solution {
  const values = new Map(solution.values);
  for (const name of integers) values.set(name, Math.round(values.get(name) ?? 0));
  return { objective: solution.objective, values };
}
