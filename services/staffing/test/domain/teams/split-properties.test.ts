import fc from "fast-check";
import { checkSplit, splitTeams, type StaffMember, type TeamSplitRequest } from "../../../src/domain";
import { splitExists } from "./brute-force";

const SEED = 20260729;
const SKILLS = ["保健師", "看護師", "手話"];

const person = (i: number) =>
  fc.record({ skills: fc.subarray(SKILLS), home: fc.boolean(), onPost: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) }).map((r) => ({
    person: {
      id: `P${i}`,
      name: `職員 ${i}`,
      department: "d",
      ward: "中央区",
      skills: r.skills,
      canWorkNights: true,
      unavailable: [],
      canWorkFromHome: r.home,
    } as StaffMember,
    onPost: r.onPost,
  }));

/** A department of up to 10 people, 2 or 3 teams, a headcount floor and up to three skill floors. */
const tinyDepartment = fc
  .record({
    size: fc.integer({ min: 2, max: 10 }),
    teams: fc.constantFrom(2 as const, 3 as const),
    headcount: fc.integer({ min: 0, max: 2 }),
    skillFloors: fc.record({
      保健師: fc.integer({ min: 0, max: 2 }),
      看護師: fc.integer({ min: 0, max: 1 }),
      手話: fc.integer({ min: 0, max: 1 }),
    }),
    previous: fc.array(fc.constantFrom("A", "B", "C", undefined), { minLength: 10, maxLength: 10 }),
  })
  .chain((d) => fc.tuple(fc.constant(d), fc.tuple(...Array.from({ length: d.size }, (_, i) => person(i)))))
  .map(([d, people]): TeamSplitRequest => {
    const skills = Object.fromEntries(Object.entries(d.skillFloors).filter(([, n]) => n > 0));
    return {
      staff: people.map((p) => p.person),
      departments: [{ id: "d", name: "テスト課", floors: {} }],
      settings: [{ department: "d", teams: d.teams, rota: "day", floor: { headcount: d.headcount, skills } }],
      level: "emergency",
      notAtDesk: new Set(people.filter((p) => p.onPost).map((p) => p.person.id)),
      previous: new Map(people.flatMap((p, i) => (d.previous[i] ? [[p.person.id, d.previous[i]!] as const] : []))),
    };
  });

describe("team splits on random tiny departments", () => {
  it("finds a split exactly when brute force finds one, and the checker finds no fault in it", () => {
    fc.assert(
      fc.property(tinyDepartment, (request) => {
        const split = splitTeams(request);
        const setting = request.settings[0]!;
        const atDesk = request.staff.filter((p) => !request.notAtDesk.has(p.id));
        const exists = splitExists(atDesk, setting.floor!, setting.teams);
        expect(split.departments.length === 1).toBe(exists);
        expect(split.short.length > 0).toBe(!exists);
        expect(checkSplit(request, split)).toEqual([]);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("keeps everyone in their last team when the last split still meets every floor", () => {
    fc.assert(
      fc.property(tinyDepartment, (request) => {
        const first = splitTeams({ ...request, previous: new Map() });
        fc.pre(first.departments.length === 1);
        const previous = new Map(first.departments[0]!.teams.flatMap((t) => t.members.map((id) => [id, t.letter] as const)));
        const again = splitTeams({ ...request, previous });
        expect(again.moves).toBe(0);
        expect(checkSplit(request, again)).toEqual([]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
