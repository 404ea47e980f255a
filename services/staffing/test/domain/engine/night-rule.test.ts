import fc from "fast-check";
import { checkPlan, planAssignments, type PlanRequest, type Post } from "../../../src/domain";
import { useCityTimeZone } from "@crisis/platform/contracts";
import { makeShift } from "../../../src/domain/engine/shifts";
import { anyone, department, person, solver } from "./builders";

const MINUTE = 60_000;
/** 2026-07-29 00:00 Japan time. */
const DAY = Date.UTC(2026, 6, 28, 15);

/** The rule read literally: some minute of the shift falls between 22:00 and 05:00 Japan time. */
function nightByMinutes(start: number, end: number): boolean {
  for (let t = start; t < end; t += MINUTE) {
    const hour = new Date(t + 9 * 3_600_000).getUTCHours();
    if (hour >= 22 || hour < 5) return true;
  }
  return false;
}

/** A shift with edges at any minute over three days, lasting one minute to sixteen hours. */
const shiftEdges = fc
  .record({ start: fc.integer({ min: 0, max: 3 * 24 * 60 }), minutes: fc.integer({ min: 1, max: 16 * 60 }) })
  .map((r) => ({ start: DAY + r.start * MINUTE, end: DAY + (r.start + r.minutes) * MINUTE }));

const post = (id: string, start: number, end: number): Post => ({
  id,
  place: id,
  ward: "中央区",
  duty: "避難所運営",
  start: new Date(start),
  end: new Date(end),
  positions: [anyone()],
});

describe("the night rule (22:00–05:00 Japan time)", () => {
  it("counts a shift as night exactly when some minute of it is at night, for edges at any minute", () => {
    fc.assert(
      fc.property(shiftEdges, ({ start, end }) => {
        expect(makeShift(0, start, end).night).toBe(nightByMinutes(start, end));
      }),
      { seed: 20260729, numRuns: 2000 },
    );
  });

  it.each([
    ["21:50–22:05", 21 * 60 + 50, 22 * 60 + 5, true],
    ["14:10–22:05", 14 * 60 + 10, 22 * 60 + 5, true],
    ["05:00–21:59", 5 * 60, 21 * 60 + 59, false],
    ["04:59–05:10", 4 * 60 + 59, 5 * 60 + 10, true],
    ["05:00–22:00 (ends as night begins)", 5 * 60, 22 * 60, false],
  ])("a %s shift counts as night: %s", (_label, from, to, night) => {
    expect(makeShift(0, DAY + from * MINUTE, DAY + to * MINUTE).night).toBe(night);
  });

  it("never puts a person not cleared for nights on a shift that grazes the night, and checkPlan agrees", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(shiftEdges, { minLength: 1, maxLength: 3 }), async (shifts) => {
        const request: PlanRequest = {
          staff: [person("day-only", { canWorkNights: false })],
          departments: [department("dept-a")],
          posts: shifts.map((s, i) => post(`p${i}`, s.start, s.end)),
          level: "emergency",
        };
        const plan = await planAssignments(request, solver);
        expect(checkPlan(request, plan.assignments)).toEqual([]);
        const onNight = plan.assignments.filter((a) => {
          const p = request.posts.find((x) => x.id === a.postId)!;
          return nightByMinutes(p.start.getTime(), p.end.getTime());
        });
        expect(onNight).toEqual([]);
      }),
      { seed: 20260730, numRuns: 100 },
    );
  });
});

describe("the night rule in another city's time", () => {
  afterEach(() => useCityTimeZone("Asia/Tokyo"));

  it("reads 22:00–05:00 in the zone CITY_TIME_ZONE names, daylight saving included", () => {
    // 03:00–04:00 UTC: noon in Kumamoto, 23:00 the evening before in New York (summer time, -04:00).
    const start = Date.UTC(2026, 6, 29, 3);
    expect(makeShift(0, start, start + 3_600_000).night).toBe(false);
    useCityTimeZone("America/New_York");
    expect(makeShift(0, start, start + 3_600_000).night).toBe(true);
  });
});
