import { TEAM_LETTERS, type TeamSplit, type TeamSplitRequest } from "../../services/staffing/src/domain";

/** The baseline: deal each department's people into teams in roster order, one each in turn, with no regard to skills. */
export function roundRobin(request: TeamSplitRequest): TeamSplit {
  const departments = request.settings.map((setting) => {
    const people = request.staff.filter((p) => p.department === setting.department);
    const teams = TEAM_LETTERS.slice(0, setting.teams).map((letter, t) => ({
      id: `${setting.department}.${letter}`,
      letter,
      members: people.filter((_, i) => i % setting.teams === t).map((p) => p.id),
      atDesk: 0,
      margins: [],
    }));
    return {
      department: setting.department,
      name: setting.department,
      rota: setting.rota,
      floor: setting.floor ?? { headcount: 0 },
      teams,
      moves: 0,
    };
  });
  return { departments, short: [], moves: 0 };
}
