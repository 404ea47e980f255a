import loadHighs, { type Highs } from "highs";
import { StaffingError, STAFFING_ERRORS } from "./errors";

/** HiGHS compiled to WebAssembly: pure computation, loaded once per process. */
let highs: Promise<Highs> | undefined;

export interface Solution {
  readonly objective: number;
  readonly values: ReadonlyMap<string, number>;
}

/** `gap` is the relative optimality gap HiGHS may stop at; 0 means proven optimal. */
export async function solveLinearProgram(text: string, gap = 0): Promise<Solution> {
  highs ??= loadHighs();
  const result = (await highs).solve(text, { output_flag: false, mip_rel_gap: gap, presolve: "on" });
  if (result.Status !== "Optimal") {
    throw new StaffingError("SOLVER_FAILED", STAFFING_ERRORS.SOLVER_FAILED.message(result.Status));
  }
  const values = new Map<string, number>();
  for (const [name, column] of Object.entries(result.Columns)) values.set(name, column.Primal);
  return { objective: result.ObjectiveValue, values };
}
