import { TeamPlan, TeamSetting } from "@crisis/platform/contracts/staffing";
import { settingFromWire, teamPlanToWire } from "../../../src/adapters/grpc/team-wire";
import { splitTeams, type StaffMember } from "../../../src/domain";

const person = (id: string, skills: string[] = []): StaffMember => ({
  id,
  name: id,
  department: "hoken",
  ward: "中央区",
  skills,
  canWorkNights: true,
  unavailable: [],
});

describe("continuity teams on the wire", () => {
  it("reads a setting with its own floor, and sends the split and its margins through the proto codec", () => {
    const wire = TeamSetting.decode(
      TeamSetting.encode({ department: "hoken", teams: 3, unit: "week", headcount: 1, skillFloors: { 保健師: 1 } }).finish(),
    );
    const setting = settingFromWire(wire);
    expect(setting).toEqual({ department: "hoken", teams: 3, rota: "week", floor: { headcount: 1, skills: { 保健師: 1 } } });
    const split = splitTeams({
      staff: ["1", "2", "3"].map((id) => person(id, ["保健師"])),
      departments: [{ id: "hoken", name: "保健センター", floors: {} }],
      settings: [setting],
      level: "emergency",
      notAtDesk: new Set(),
    });
    const plan = TeamPlan.decode(TeamPlan.encode(teamPlanToWire(split)).finish());
    expect(plan.departments[0]!.teams.map((t) => [t.teamId, t.staffIds.length])).toEqual([
      ["hoken.A", 1],
      ["hoken.B", 1],
      ["hoken.C", 1],
    ]);
    expect(plan.departments[0]!.teams[0]!.margins).toEqual([
      { skill: "", minimum: 1, have: 1, margin: 0 },
      { skill: "保健師", minimum: 1, have: 1, margin: 0 },
    ]);
  });

  it("takes a department's own floor when the setting names none", () => {
    expect(settingFromWire({ department: "d", teams: 2, unit: "", headcount: undefined, skillFloors: {} })).toEqual({
      department: "d",
      teams: 2,
      rota: "day",
    });
  });
});
