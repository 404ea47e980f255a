import loadHighs, { type Highs } from "highs";
import { errors } from "../../domain/errors";
import type { LinearProgramSolver, Solution } from "../../domain/engine/solver";

/** HiGHS compiled to WebAssembly: pure computation, its module loaded once per solver on first use. */
export function highsSolver(): LinearProgramSolver {
  let highs: Promise<Highs> | undefined;
  return {
    async solve(text: string, gap = 0): Promise<Solution> {
      highs ??= loadHighs();
      const result = (await highs).solve(text, { output_flag: false, mip_rel_gap: gap, presolve: "on" });
      if (result.Status !== "Optimal") throw errors.solverFailed(result.Status);
      const values = new Map<string, number>();
      for (const [name, column] of Object.entries(result.Columns)) values.set(name, column.Primal);
      return { objective: result.ObjectiveValue, values };
    },
  };
}
