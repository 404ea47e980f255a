/** A solved linear or integer program: the objective and every column's value by name. */
export interface Solution {
  readonly objective: number;
  readonly values: ReadonlyMap<string, number>;
}

/**
 * The port the engine solves through, so that the solver (HiGHS compiled to WebAssembly, in
 * `adapters/solver`) stays out of domain code. `lpText` is a program in CPLEX LP text; `gap`
 * is the relative optimality gap the solver may stop at, 0 meaning proven optimal. Throws the
 * catalogue's `solverFailed` when no optimal answer was found.
 */
export interface LinearProgramSolver {
  solve(lpText: string, gap?: number): Promise<Solution>;
}
