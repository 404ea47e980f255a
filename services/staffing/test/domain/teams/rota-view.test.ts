import { declareOut, rotaNotices, rotaView, splitTeams, type DepartmentRota } from "../../../src/domain";
import { hokenMember as person } from "../../people";

const staff = [person("1", ["保健師"]), person("2", ["保健師"]), person("3", ["保健師"]), person("4"), person("5"), person("6")];
const people = new Map(staff.map((p) => [p.id, p]));
const split = splitTeams({
  staff,
  departments: [{ id: "hoken", name: "中央区保健センター", floors: { emergency: { headcount: 2, skills: { 保健師: 1 } } } }],
  settings: [{ department: "hoken", teams: 3, rota: "day" }],
  level: "emergency",
  notAtDesk: new Set(),
});
const rota: DepartmentRota = { split: split.departments[0]!, firstDay: "2026-07-28", outs: [] };
// 2026-07-28 12:00 in Kumamoto.
const now = new Date("2026-07-28T03:00:00Z");

describe("a department's rota as it stands", () => {
  it("takes turns day by day, each team's margins counted with its people at their desks now", () => {
    const view = rotaView(rota, people, new Set(), now, 4);
    expect(view.days.map((d) => d.officeTeamId)).toEqual(["hoken.A", "hoken.B", "hoken.C", "hoken.A"]);
    expect(view.teams.map((t) => t.officeToday)).toEqual([true, false, false]);
    expect(view).toMatchObject({ officeToday: 2, homeToday: 4, outToday: 0, short: [] });
    // A 保健師 on an emergency post counts for no floor: that team is short of one, by its margin.
    const holder = rota.split.teams[1]!.members.find((id) => people.get(id)!.skills.includes("保健師"))!;
    const onPost = rotaView(rota, people, new Set([holder]), now, 1);
    expect(onPost.teams[1]!.margins).toEqual([
      { minimum: 2, have: 1, margin: -1 },
      { skill: "保健師", minimum: 1, have: 0, margin: -1 },
    ]);
  });

  it("gives a team out's office days to the next team in turn, and names the floors no team in can hold", () => {
    const out = declareOut(rota, "hoken.A", "陽性者", new Date("2026-07-30T00:00:00Z"), now);
    const view = rotaView(out, people, new Set(), now, 4);
    // Out until 07-30 09:00 in Kumamoto: out on the 28th, 29th and 30th.
    expect(view.days).toEqual([
      { date: "2026-07-28", officeTeamId: "hoken.B", outTeamIds: ["hoken.A"] },
      { date: "2026-07-29", officeTeamId: "hoken.B", outTeamIds: ["hoken.A"] },
      { date: "2026-07-30", officeTeamId: "hoken.C", outTeamIds: ["hoken.A"] },
      { date: "2026-07-31", officeTeamId: "hoken.A", outTeamIds: [] },
    ]);
    expect(view).toMatchObject({ officeToday: 2, homeToday: 2, outToday: 2, short: [] });
    const all = declareOut(
      declareOut(out, "hoken.B", "陽性者", new Date("2026-07-30T00:00:00Z"), now),
      "hoken.C",
      "陽性者",
      new Date("2026-07-30T00:00:00Z"),
      now,
    );
    const none = rotaView(all, people, new Set(), now, 1);
    expect(none.days[0]!.officeTeamId).toBeUndefined();
    expect(none.short).toEqual([
      { minimum: 2, have: 0, margin: -2 },
      { skill: "保健師", minimum: 1, have: 0, margin: -1 },
    ]);
  });

  it("tells each person once: the out team stays home until its end, the others their office days", () => {
    const out = declareOut(rota, "hoken.A", "陽性者", new Date("2026-07-30T00:00:00Z"), now);
    const notices = rotaNotices(out, now, 5);
    expect(notices.map((n) => n.staffId).sort()).toEqual(["1", "2", "3", "4", "5", "6"]);
    const a = out.split.teams[0]!.members;
    for (const n of notices.filter((n) => a.includes(n.staffId)))
      expect(n).toEqual({ staffId: n.staffId, teamId: "hoken.A", stayHomeUntil: "2026-07-30T00:00:00.000Z", officeDays: [] });
    const b = notices.find((n) => n.teamId === "hoken.B")!;
    expect(b.officeDays).toEqual(["2026-07-28", "2026-07-29", "2026-08-01"]);
  });
});
