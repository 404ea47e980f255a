import { cityDate } from "@crisis/platform/contracts";
import type {
  DeclareTeamOutResponse,
  MyTeam,
  TeamFloorMargin,
  TeamPlan,
  TeamsNow,
  TeamSetting as WireSetting,
} from "@crisis/platform/contracts/staffing";
import { floorInWords } from "../../app/team-rotas";
import type { DepartmentRota, FloorMargin, RotaView, TeamOut, TeamSetting, TeamSplit } from "../../domain";

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

/** The request's settings, then `every_department`'s for each department it does not name. */
export function settingsFromWire(
  r: { settings: readonly WireSetting[]; everyDepartment?: WireSetting },
  departments: readonly { id: string }[],
): TeamSetting[] {
  const named = r.settings.map(settingFromWire);
  const every = r.everyDepartment;
  if (!every) return named;
  const seen = new Set(named.map((s) => s.department));
  return [...named, ...departments.filter((d) => !seen.has(d.id)).map((d) => settingFromWire({ ...every, department: d.id }))];
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
        margins: t.margins.map(marginToWire),
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

const marginToWire = (m: FloorMargin): TeamFloorMargin => ({ skill: m.skill ?? "", minimum: m.minimum, have: m.have, margin: m.margin });

export function teamsNowToWire(views: readonly RotaView[], now: Date): TeamsNow {
  return {
    today: cityDate(now),
    departments: views.map((v) => ({
      department: v.department,
      name: v.name,
      unit: v.unit,
      firstDay: v.firstDay,
      teams: v.teams.map((t) => ({
        teamId: t.id,
        letter: t.letter,
        size: t.members.length,
        atDesk: t.atDesk,
        margins: t.margins.map(marginToWire),
        officeToday: t.officeToday,
        outUntil: t.out?.until ?? "",
        outReason: t.out?.reason ?? "",
        staffIds: [...t.members],
      })),
      shortFloors: v.short.map((m) => floorInWords(v.name, m)),
      days: v.days.map((d) => ({ date: d.date, officeTeamId: d.officeTeamId ?? "", outTeamIds: [...d.outTeamIds] })),
      officeToday: v.officeToday,
      homeToday: v.homeToday,
      outToday: v.outToday,
    })),
  };
}

export function myTeamToWire(
  mine: { rota: DepartmentRota; teamId: string; out?: TeamOut; officeDays: readonly string[] } | undefined,
): MyTeam {
  if (!mine)
    return { found: false, department: "", departmentName: "", teamId: "", letter: "", outUntil: "", outReason: "", officeDays: [] };
  return {
    found: true,
    department: mine.rota.split.department,
    departmentName: mine.rota.split.name,
    teamId: mine.teamId,
    letter: mine.teamId.slice(mine.teamId.lastIndexOf(".") + 1),
    outUntil: mine.out?.until ?? "",
    outReason: mine.out?.reason ?? "",
    officeDays: [...mine.officeDays],
  };
}
