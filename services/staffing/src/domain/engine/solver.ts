/** A solved linear or integer program: the objective and every column's value by name. */
export interface Solution {
  readonly objective: number;
  readonly values: ReadonlyMap<string, number>;
}

/**
 * The port the engine solves through, so that the solver (HiGHS compiled to WebAssembly, in
 * `adapters/solver`) stays out of domain code. `lpText` is a program in CPLEX LP text; `gap`
 * is the relative optimality gap the solver may stop at, 0 meaning proven optimal; `method`
 * picks the simplex (`dual`, the default, or `primal`). Throws the catalogue's `solverFailed`
 * when no optimal answer was found.
 */
export interface LinearProgramSolver {
  solve(lpText: string, gap?: number, method?: SimplexMethod): Promise<Solution>;
}

/**
 * Maximising coverage is very degenerate (many plans cover as many), where the primal simplex
 * measured 2–4× faster than the dual on the three-day cities; the preference solve is the
 * other way round.
 */
export type SimplexMethod = "dual" | "primal";

/** HiGHS's `simplex_strategy` for a method. */
export const SIMPLEX_STRATEGY: Readonly<Record<SimplexMethod, number>> = { dual: 1, primal: 4 };
