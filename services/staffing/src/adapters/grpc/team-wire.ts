import type { DeclareTeamOutResponse, TeamPlan, TeamSetting as WireSetting } from "@crisis/platform/contracts/staffing";
import type { TeamSetting, TeamSplit } from "../../domain";

/** A setting from the wire: 3 teams only when asked for, week rota only when asked for. */
export function settingFromWire(s: WireSetting): TeamSetting {
  const skills = Object.keys(s.skillFloors).length > 0 ? { skills: { ...s.skillFloors } } : {};
  return {
    department: s.department,
    teams: s.teams === 3 ? 3 : 2,
    rota: s.unit === "week" ? "week" : "day",
    ...(s.headcount !== undefined || Object.keys(s.skillFloors).length > 0 ? { floor: { headcount: s.headcount ?? 0, ...skills } } : {}),
  };
}

export function teamPlanToWire(split: TeamSplit): TeamPlan {
  return {
    departments: split.departments.map((d) => ({
      department: d.department,
      name: d.name,
      unit: d.rota,
      moves: d.moves,
      teams: d.teams.map((t) => ({
        teamId: t.id,
        letter: t.letter,
        staffIds: [...t.members],
        atDesk: t.atDesk,
        margins: t.margins.map((m) => ({ skill: m.skill ?? "", minimum: m.minimum, have: m.have, margin: m.margin })),
      })),
    })),
    short: split.short.map((s) => ({
      department: s.department,
      skill: s.skill ?? "",
      minimum: s.minimum,
      needed: s.needed,
      available: s.available,
      short: s.short,
      explanation: s.explanation,
    })),
    moves: split.moves,
  };
}

export function teamOutToWire(teamId: string, until: Date, r: { short: string[]; replaced: number; open: number }): DeclareTeamOutResponse {
  return { teamId, until: until.toISOString(), shortFloors: r.short, replaced: r.replaced, open: r.open };
}
