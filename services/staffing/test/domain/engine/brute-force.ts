import { checkPlan, type Assignment, type PlanRequest } from "../../../src/domain";
import { expandPositions } from "../../../src/domain/engine/problem";

/**
 * The true optimum of a tiny request by trying every way to fill every position and keeping
 * the best plan the rule checker accepts. Shares nothing with the engine but the checker.
 */
export function bruteForceOptimum(request: PlanRequest, fixed: readonly Assignment[] = []): number {
  const taken = new Set(fixed.map((a) => `${a.postId}#${a.position}`));
  const slots = request.posts.flatMap((post) =>
    expandPositions(post)
      .map((_, position) => ({ postId: post.id, position }))
      .filter((s) => !taken.has(`${s.postId}#${s.position}`)),
  );
  let best = -1;
  const chosen: Assignment[] = [...fixed];
  const walk = (i: number) => {
    if (chosen.length + (slots.length - i) <= best) return;
    if (i === slots.length) {
      if (checkPlan(request, chosen).length === 0) best = Math.max(best, chosen.length);
      return;
    }
    for (const person of request.staff) {
      chosen.push({ staffId: person.id, postId: slots[i]!.postId, position: slots[i]!.position, acknowledged: false });
      if (checkPlan(request, chosen).length === 0) walk(i + 1);
      chosen.pop();
    }
    walk(i + 1);
  };
  walk(0);
  return best;
}
