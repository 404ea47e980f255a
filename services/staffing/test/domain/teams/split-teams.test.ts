import { checkSplit, officeDays, officeTeam, splitTeams, type StaffMember, type TeamSplitRequest } from "../../../src/domain";
import { hokenMember as person } from "../../people";

const request = (staff: StaffMember[], over: Partial<TeamSplitRequest> = {}): TeamSplitRequest => ({
  staff,
  departments: [{ id: "hoken", name: "中央区保健センター", floors: { emergency: { headcount: 2, skills: { 保健師: 1 } } } }],
  settings: [{ department: "hoken", teams: 2, rota: "day" }],
  level: "emergency",
  notAtDesk: new Set(),
  ...over,
});

describe("splitting a department into teams", () => {
  it("gives each of two teams a 保健師 and the headcount floor, with each team's margins", () => {
    const staff = [person("1", ["保健師"]), person("2", ["保健師"]), person("3"), person("4"), person("5")];
    const split = splitTeams(request(staff));
    expect(split.short).toEqual([]);
    const teams = split.departments[0]!.teams;
    expect(teams.map((t) => t.id)).toEqual(["hoken.A", "hoken.B"]);
    for (const t of teams) expect(t.margins.find((m) => m.skill === "保健師")).toEqual({ skill: "保健師", minimum: 1, have: 1, margin: 0 });
    expect(teams.map((t) => t.members.length).sort()).toEqual([2, 3]);
    expect(checkSplit(request(staff), split)).toEqual([]);
  });

  it("says which skill is short and by how many when no split meets the floor", () => {
    const staff = [person("1", ["保健師"]), person("2"), person("3"), person("4")];
    const split = splitTeams(request(staff));
    expect(split.departments).toEqual([]);
    expect(split.short).toEqual([
      expect.objectContaining({ department: "hoken", skill: "保健師", minimum: 1, teams: 2, needed: 2, available: 1, short: 1 }),
    ]);
    expect(split.short[0]!.explanation).toContain("short by 1");
  });

  it("counts no one on an emergency post in force towards a floor, but keeps them in a team", () => {
    const staff = [person("1", ["保健師"]), person("2", ["保健師"]), person("3"), person("4"), person("5")];
    const onPost = splitTeams(request(staff, { notAtDesk: new Set(["2"]) }));
    expect(onPost.short[0]).toEqual(expect.objectContaining({ skill: "保健師", available: 1, short: 1 }));
    const spare = splitTeams(request([...staff, person("6", ["保健師"])], { notAtDesk: new Set(["2"]) }));
    expect(spare.departments[0]!.teams.flatMap((t) => t.members)).toContain("2");
  });

  it("spreads people who cannot work from home over the teams", () => {
    const staff = [person("1", [], false), person("2", [], false), person("3"), person("4")];
    const split = splitTeams(request(staff, { settings: [{ department: "hoken", teams: 2, rota: "day", floor: { headcount: 1 } }] }));
    const away = split.departments[0]!.teams.map((t) => t.members.filter((id) => id === "1" || id === "2").length);
    expect(away).toEqual([1, 1]);
  });
});

describe("the office/home rota", () => {
  it("takes turns day by day, and week by week", () => {
    expect(officeDays(0, 6, 2, "day")).toEqual([0, 2, 4]);
    expect(officeDays(1, 21, 3, "week")).toEqual([7, 8, 9, 10, 11, 12, 13]);
  });

  it("gives an out team's office days to the next team in turn, and no one when all are out", () => {
    expect(officeDays(1, 4, 2, "day", new Set([0]))).toEqual([0, 1, 2, 3]);
    expect(officeTeam(0, 3, "day", new Set([0]))).toBe(1);
    expect(officeTeam(1, 3, "day", new Set([1, 2]))).toBe(0);
    expect(officeTeam(0, 2, "day", new Set([0, 1]))).toBeUndefined();
  });
});
