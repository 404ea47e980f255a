import loadHighs, { type Highs } from "highs";
import { errors } from "../../domain/errors";
import { SIMPLEX_STRATEGY, type LinearProgramSolver, type Solution } from "../../domain/engine/solver";

/** HiGHS compiled to WebAssembly: pure computation, its module loaded once per solver on first use. */
export function highsSolver(): LinearProgramSolver {
  let highs: Promise<Highs> | undefined;
  return {
    async solve(text, gap = 0, method = "dual"): Promise<Solution> {
      highs ??= loadHighs();
      const options = { output_flag: false, mip_rel_gap: gap, presolve: "on", simplex_strategy: SIMPLEX_STRATEGY[method] } as const;
      const result = (await highs).solve(text, options);
      if (result.Status !== "Optimal") throw errors.solverFailed(result.Status);
      const values = new Map<string, number>();
      for (const [name, column] of Object.entries(result.Columns)) values.set(name, column.Primal);
      return { objective: result.ObjectiveValue, values };
    },
  };
}
