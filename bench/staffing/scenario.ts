import type { Assignment, PlanRequest, StaffMember } from "../../services/staffing/src/domain";
import { earthquakePosts, generateCity, seededRandom } from "../../services/staffing/src/fixtures";

/** 245 shelters + 49 保健師 rounds + 5 り災証明 counters + 1 call centre = 300 posts, each in 3 shifts. */
const SHELTERS = { 中央区: 59, 東区: 44, 西区: 39, 南区: 49, 北区: 54 } as const;
export const STAFF = 10_000;
export const SEED = 20260728;

/** 995 shelters + 199 保健師 rounds + 5 り災証明 counters + 1 call centre = 1,200 posts, a city the size of Yokohama. */
const LARGE_SHELTERS = { 中央区: 240, 東区: 179, 西区: 158, 南区: 198, 北区: 220 } as const;
export const LARGE_STAFF = 40_000;
export const DAYS = ["2026-07-29", "2026-07-30", "2026-07-31"];

export function scenario(days = 1): PlanRequest {
  const city = generateCity({ seed: SEED, staffCount: STAFF });
  const posts = earthquakePosts({ days: DAYS.slice(0, days), sheltersPerWard: SHELTERS, roundTheClock: true });
  return { ...city, posts, level: "emergency" };
}

/** About 40,000 staff and 1,200 posts in 3 shifts: the engine at the scale of the largest Japanese city. */
export function largeScenario(): PlanRequest {
  const city = generateCity({ seed: SEED, staffCount: LARGE_STAFF });
  const posts = earthquakePosts({ days: DAYS.slice(0, 1), sheltersPerWard: LARGE_SHELTERS, roundTheClock: true });
  return { ...city, posts, level: "emergency" };
}

/** The next morning: a share of staff report they cannot come (injured, home damaged) for the whole day. */
export function staffDropOut(request: PlanRequest, share: number): { request: PlanRequest; gone: Set<string> } {
  const random = seededRandom(SEED + 1);
  const gone = new Set(request.staff.filter(() => random() < share).map((p) => p.id));
  const day = { start: new Date("2026-07-29T00:00:00+09:00"), end: new Date("2026-07-30T12:00:00+09:00") };
  const staff = request.staff.map((p): StaffMember => (gone.has(p.id) ? { ...p, unavailable: [...p.unavailable, day] } : p));
  return { request: { ...request, staff }, gone };
}

/** Half the notices have been acknowledged by the time the re-plan runs. */
export function acknowledgeHalf(assignments: readonly Assignment[]): Assignment[] {
  const random = seededRandom(SEED + 2);
  return assignments.map((a) => ({ staffId: a.staffId, postId: a.postId, position: a.position, acknowledged: random() < 0.5 }));
}
