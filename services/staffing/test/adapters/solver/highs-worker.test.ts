import { highsSolver } from "../../../src/adapters/solver/highs";
import { highsWorkerSolver } from "../../../src/adapters/solver/highs-worker";
import { optimumBound, planAssignments } from "../../../src/domain";
import { buildCoverageModel } from "../../../src/domain/engine/coverage-model";
import { modelInput } from "../../../src/domain/engine/replan";
import { earthquakePosts, generateCity } from "../../../src/fixtures";

describe("HiGHS on its own thread", () => {
  const worker = highsWorkerSolver();
  afterAll(() => worker.close());
  const city = generateCity({ seed: 5, staffCount: 800 });
  const request = {
    ...city,
    posts: earthquakePosts({ days: ["2026-07-29"], sheltersPerWard: { 中央区: 4, 東区: 3, 西区: 2, 南区: 3, 北区: 3 } }),
    level: "emergency" as const,
  };

  it("plans exactly as the solver on the main thread does", async () => {
    const [onThread, inProcess] = await Promise.all([planAssignments(request, worker), planAssignments(request, highsSolver())]);
    expect(onThread.assignments).toEqual(inProcess.assignments);
    expect(onThread.positionsCovered).toBe(await optimumBound(request, worker));
  });

  it("keeps the main thread free while it solves, where the solver on the main thread blocks it", async () => {
    const { lp } = buildCoverageModel(modelInput({ ...request, current: [] }).model);
    const text = lp.toText("Maximize");
    const inProcess = highsSolver();
    await inProcess.solve(text);
    const ticksDuring = async (solve: () => Promise<unknown>) => {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      await solve();
      clearInterval(timer);
      return ticks;
    };
    expect(await ticksDuring(() => inProcess.solve(text))).toBe(0);
    expect(await ticksDuring(() => worker.solve(text))).toBeGreaterThan(0);
  });

  it("reports a program without an optimum as the catalogue's SOLVER_FAILED", async () => {
    await expect(worker.solve("Maximize\n obj: x\nSubject To\n c: x >= 2\nBounds\n 0 <= x <= 1\nEnd")).rejects.toMatchObject({
      code: "SOLVER_FAILED",
      status: 500,
    });
  });
});
