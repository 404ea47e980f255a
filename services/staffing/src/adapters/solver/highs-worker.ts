import { Worker } from "node:worker_threads";
import { errors } from "../../domain/errors";
import { SIMPLEX_STRATEGY, type LinearProgramSolver, type Solution } from "../../domain/engine/solver";

/** Plain JavaScript, so the thread needs no TypeScript loader: load HiGHS once, answer each program. */
const threadSource = `
const { parentPort } = require("node:worker_threads");
const highs = require(${JSON.stringify(require.resolve("highs"))})();
parentPort.on("message", async ({ id, text, options }) => {
  try {
    const result = (await highs).solve(text, options);
    const values = Object.entries(result.Columns).map(([name, column]) => [name, column.Primal]);
    parentPort.postMessage({ id, status: result.Status, objective: result.ObjectiveValue, values });
  } catch (err) {
    parentPort.postMessage({ id, status: "Error: " + (err && err.message ? err.message : String(err)) });
  }
});
`;

interface Answer {
  id: number;
  status: string;
  objective?: number;
  values?: [string, number][];
}

/**
 * HiGHS on its own thread: a city-sized solve takes seconds, and on the main thread it would
 * stall gRPC answers and NATS acks for as long. Programs are solved one at a time, in order.
 */
export function highsWorkerSolver(): LinearProgramSolver & { close(): Promise<void> } {
  const worker = new Worker(threadSource, { eval: true });
  worker.unref();
  const waiting = new Map<number, { resolve: (s: Solution) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.on("message", (answer: Answer) => {
    const call = waiting.get(answer.id);
    if (!call) return;
    waiting.delete(answer.id);
    if (answer.status !== "Optimal") call.reject(errors.solverFailed(answer.status));
    else call.resolve({ objective: answer.objective!, values: new Map(answer.values) });
  });
  worker.on("error", (err) => {
    for (const call of waiting.values()) call.reject(err);
    waiting.clear();
  });
  return {
    solve(text, gap = 0, method = "dual") {
      const id = ++next;
      return new Promise<Solution>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({
          id,
          text,
          options: { output_flag: false, mip_rel_gap: gap, presolve: "on", simplex_strategy: SIMPLEX_STRATEGY[method] },
        });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
