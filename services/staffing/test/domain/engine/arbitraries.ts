import fc from "fast-check";
import type { PlanRequest, Post, StaffMember, Ward } from "../../../src/domain";
import { at } from "./builders";

const SKILLS = ["保健師", "避難所運営研修"];
const WARDS: Ward[] = ["中央区", "東区", "南区"];
/** Shift starts (day, hour in Japan time): day, evening and night, then the next day. */
const STARTS: [number, number][] = [
  [1, 7],
  [1, 15],
  [1, 23],
  [2, 7],
];

/** Day, evening and night shifts over three days, where a part-time limit binds. */
const THREE_DAYS: [number, number][] = [1, 2, 3].flatMap((day): [number, number][] => [
  [day, 7],
  [day, 15],
  [day, 23],
]);

const skills = fc.subarray(SKILLS);

const staffMember = (id: string) =>
  fc
    .record({
      department: fc.constantFrom("dept-a", "dept-b"),
      skills,
      nights: fc.boolean(),
      limit: fc.constantFrom(undefined, 8, 16),
      away: fc.constantFrom(-1, 0, 1, 2, 3),
      ward: fc.constantFrom(...WARDS),
    })
    .map((r): StaffMember => ({
      id,
      name: `職員 ${id}`,
      department: r.department,
      ward: r.ward,
      skills: r.skills,
      canWorkNights: r.nights,
      ...(r.limit !== undefined ? { maxHours: r.limit } : {}),
      unavailable: r.away < 0 ? [] : [{ start: at(...STARTS[r.away]!), end: new Date(at(...STARTS[r.away]!).getTime() + 3_600_000) }],
    }));

const postAt = (id: string, starts: readonly [number, number][] = STARTS) =>
  fc
    .record({
      start: fc.integer({ min: 0, max: starts.length - 1 }),
      needs: fc.array(skills, { minLength: 1, maxLength: 2 }),
      ward: fc.constantFrom(...WARDS),
    })
    .map((r): Post => {
      const start = at(...starts[r.start]!);
      return {
        id,
        place: id,
        ward: r.ward,
        duty: "test",
        start,
        end: new Date(start.getTime() + 8 * 3_600_000),
        positions: r.needs.map((s) => ({ skills: s, count: 1 })),
      };
    });

/** Staff who differ only in department and one skill, so the engine pools them. */
const alikeMember = (id: string) =>
  fc.record({ department: fc.constantFrom("dept-a", "dept-b"), nurse: fc.boolean() }).map((r): StaffMember => ({
    id,
    name: `職員 ${id}`,
    department: r.department,
    ward: "中央区",
    skills: r.nurse ? ["保健師"] : [],
    canWorkNights: true,
    unavailable: [],
  }));

/** Part-timers alike but for their home ward, so the engine pools them under one shift cap. */
const alikePartTimer = (id: string) =>
  fc
    .record({ department: fc.constantFrom("dept-a", "dept-b"), limit: fc.constantFrom(8, 16), ward: fc.constantFrom(...WARDS) })
    .map((r): StaffMember => ({
      id,
      name: `職員 ${id}`,
      department: r.department,
      ward: r.ward,
      skills: [],
      canWorkNights: true,
      maxHours: r.limit,
      unavailable: [],
    }));

const tiny = (member: (id: string) => fc.Arbitrary<StaffMember>, starts = STARTS): fc.Arbitrary<PlanRequest> =>
  fc
    .record({
      staff: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => member(`s${i}`)))),
      posts: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => postAt(`p${i}`, starts)))),
      floorA: fc.integer({ min: 0, max: 3 }),
      floorB: fc.integer({ min: 0, max: 2 }),
      skillFloor: fc.integer({ min: 0, max: 2 }),
    })
    .map((r) => ({
      staff: r.staff,
      posts: r.posts,
      level: "emergency" as const,
      departments: [
        { id: "dept-a", name: "A課", floors: { emergency: { headcount: r.floorA, skills: { 保健師: r.skillFloor } } } },
        { id: "dept-b", name: "B課", floors: { emergency: { headcount: r.floorB } } },
      ],
    }))
    .filter((r) => r.posts.reduce((n, p) => n + p.positions.length, 0) <= 5);

/** Tiny requests (up to 4 people, 5 positions) so that brute force can find the true optimum. */
export const tinyRequest = tiny(staffMember);
/** Tiny requests whose staff fall into pools of alike people, to test pooling against brute force. */
export const tinyPooledRequest = tiny(alikeMember);
/** Tiny three-day requests of part-timers pooled under a shift cap. */
export const tinyPartTimeRequest = tiny(alikePartTimer, THREE_DAYS);
