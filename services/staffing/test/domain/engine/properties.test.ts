import fc from "fast-check";
import { checkPlan, optimumBound, planAssignments, replan } from "../../../src/domain";
import { tinyPooledRequest, tinyPartTimeRequest, tinyRequest } from "./arbitraries";
import { at, solver } from "./builders";
import { bruteForceOptimum } from "./brute-force";

const SEED = 20260728;

describe("the engine on random tiny cities", () => {
  it("never breaks a floor, skill, rest, night, availability or hour rule", async () => {
    await fc.assert(
      fc.asyncProperty(tinyRequest, async (request) => {
        const plan = await planAssignments(request, solver);
        expect(checkPlan(request, plan.assignments)).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("covers exactly as many positions as brute force finds possible, and as the LP bound", async () => {
    await fc.assert(
      fc.asyncProperty(tinyRequest, async (request) => {
        const plan = await planAssignments(request, solver);
        expect(plan.positionsCovered).toBe(bruteForceOptimum(request));
        expect(plan.positionsCovered).toBe(await optimumBound(request, solver));
        expect(plan.upperBound).toBe(plan.positionsCovered);
        expect(plan.uncovered.every((u) => u.explanation.startsWith("no "))).toBe(true);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("keeps every acknowledged assignment on re-plan and still covers the optimum", async () => {
    await fc.assert(
      fc.asyncProperty(tinyRequest, fc.nat(), async (request, pickSeed) => {
        const first = await planAssignments(request, solver);
        const current = first.assignments.map((a, i) => ({ ...a, acknowledged: (pickSeed >> i) % 2 === 1 }));
        const again = await replan({ ...request, current }, solver);
        const acknowledged = current.filter((a) => a.acknowledged);
        for (const a of acknowledged)
          expect(again.assignments).toContainEqual(expect.objectContaining({ staffId: a.staffId, postId: a.postId, position: a.position }));
        expect(checkPlan(request, again.assignments)).toEqual([]);
        expect(again.positionsCovered).toBe(bruteForceOptimum(request, acknowledged));
        expect(again.released).toEqual([]);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it("after people become unavailable, re-plans within every rule, keeps what it can and covers the optimum", async () => {
    await fc.assert(
      fc.asyncProperty(tinyRequest, fc.nat(), fc.nat(), async (request, pickSeed, goneSeed) => {
        const first = await planAssignments(request, solver);
        const current = first.assignments.map((a, i) => ({ ...a, acknowledged: (pickSeed >> i) % 2 === 1 }));
        const staff = request.staff.map((p, i) =>
          (goneSeed >> i) % 2 === 1 ? { ...p, unavailable: [{ start: at(0, 0), end: at(3, 0) }] } : p,
        );
        const after = { ...request, staff };
        const again = await replan({ ...after, current }, solver);
        expect(checkPlan(after, again.assignments)).toEqual([]);
        const released = new Set(again.released.map((r) => r.assignment));
        for (const a of current.filter((c) => c.acknowledged && !released.has(c))) {
          expect(again.assignments).toContainEqual(
            expect.objectContaining({ staffId: a.staffId, postId: a.postId, position: a.position, origin: "acknowledged" }),
          );
        }
        expect(again.released.every((r) => !r.assignment.acknowledged || /unavailable|floor/.test(r.reason))).toBe(true);
        const held = again.assignments.filter((a) => a.origin === "acknowledged");
        expect(again.positionsCovered).toBe(bruteForceOptimum(after, held));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it("covers the brute-force optimum when alike staff are pooled and shifts overlap or follow without rest", async () => {
    await fc.assert(
      fc.asyncProperty(tinyPooledRequest, async (request) => {
        const plan = await planAssignments(request, solver);
        expect(checkPlan(request, plan.assignments)).toEqual([]);
        expect(plan.positionsCovered).toBe(bruteForceOptimum(request));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("covers the brute-force optimum over three days when alike part-timers share a pool and its shift cap", async () => {
    await fc.assert(
      fc.asyncProperty(tinyPartTimeRequest, async (request) => {
        const plan = await planAssignments(request, solver);
        expect(checkPlan(request, plan.assignments)).toEqual([]);
        expect(plan.positionsCovered).toBe(bruteForceOptimum(request));
        expect(plan.upperBound).toBe(plan.positionsCovered);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
