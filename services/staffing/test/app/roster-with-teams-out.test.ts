import { RosterWithTeamsOut } from "../../src/app/roster-with-teams-out";
import { declareOut, endOut, splitTeams, type DepartmentRota } from "../../src/domain";
import { hokenMember as person } from "../people";

describe("the roster every plan reads while a team is out", () => {
  it("has the out team's members away until the out ends, and no one once it is over", () => {
    const staff = ["1", "2", "3", "4"].map((id) => person(id));
    const departments = [{ id: "hoken", name: "保健センター", floors: { emergency: { headcount: 1 } } }];
    const split = splitTeams({
      staff,
      departments,
      settings: [{ department: "hoken", teams: 2, rota: "day" }],
      level: "emergency",
      notAtDesk: new Set(),
    });
    const now = new Date("2026-07-28T00:00:00Z");
    const until = new Date("2026-08-04T00:00:00Z");
    const rota: DepartmentRota = declareOut(
      { split: split.departments[0]!, firstDay: "2026-07-28", outs: [] },
      "hoken.A",
      "陽性者",
      until,
      now,
    );
    const roster = new RosterWithTeamsOut({ staff, departments });
    roster.follow([rota]);
    const a = new Set(rota.split.teams[0]!.members);
    for (const p of roster.staff) expect(p.unavailable).toEqual(a.has(p.id) ? [{ start: now, end: until }] : []);
    expect(roster.departments).toBe(departments);
    roster.follow([endOut(rota, "hoken.A", new Date("2026-07-29T00:00:00Z"))]);
    expect(roster.staff.every((p) => p.unavailable.length === 0)).toBe(true);
  });
});
