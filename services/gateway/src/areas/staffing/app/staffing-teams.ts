import { spreadsheetCsv } from "@crisis/platform/contracts";
import type { TeamFloorMargin, TeamSetting } from "@crisis/platform/contracts/staffing";
import { StaffingTeams } from "./ports";

/** One department's team setting as the console sends it. */
export interface TeamSettingInput {
  teams: 2 | 3;
  unit: "day" | "week";
  headcount?: number;
  skills?: Record<string, number>;
}

const settingOf = (department: string, s: TeamSettingInput): TeamSetting => ({
  department,
  teams: s.teams,
  unit: s.unit,
  headcount: s.headcount,
  skillFloors: s.skills ?? {},
});

const marginView = (m: TeamFloorMargin) => ({ skill: m.skill || null, minimum: m.minimum, have: m.have, margin: m.margin });

/**
 * Splits departments into continuity teams (班); with `apply`, each split becomes the department's
 * rota from `firstDay`. A floor no split can meet is named in `short` instead of a weaker split.
 */
export async function planTeams(
  teams: StaffingTeams,
  input: { departments: (TeamSettingInput & { department: string })[]; every?: TeamSettingInput; firstDay: string; apply: boolean },
  correlationId: string,
) {
  const plan = await teams.plan(
    {
      settings: input.departments.map((d) => settingOf(d.department, d)),
      everyDepartment: input.every ? settingOf("", input.every) : undefined,
      firstDay: input.firstDay,
      apply: input.apply,
    },
    correlationId,
  );
  return {
    applied: input.apply,
    firstDay: input.firstDay,
    moves: plan.moves,
    departments: plan.departments.map((d) => ({
      department: d.department,
      name: d.name,
      unit: d.unit,
      moves: d.moves,
      teams: d.teams.map((t) => ({
        id: t.teamId,
        letter: t.letter,
        size: t.staffIds.length,
        atDesk: t.atDesk,
        margins: t.margins.map(marginView),
        staffIds: t.staffIds,
      })),
    })),
    short: plan.short.map((s) => ({
      department: s.department,
      skill: s.skill || null,
      minimum: s.minimum,
      needed: s.needed,
      available: s.available,
      short: s.short,
      explanation: s.explanation,
    })),
  };
}

/** A team is out until `until` (declared again: its end moves); the floors the teams still in cannot hold are named. */
export async function declareTeamOut(teams: StaffingTeams, teamId: string, reason: string, until: string, correlationId: string) {
  const r = await teams.declareOut({ teamId, reason, until }, correlationId);
  return { teamId: r.teamId, until: r.until, shortFloors: r.shortFloors, postsReplaced: r.replaced, postsOpen: r.open };
}

export async function endTeamOut(teams: StaffingTeams, teamId: string, correlationId: string) {
  await teams.endOut(teamId, correlationId);
  return { teamId, ended: true };
}

/** The rotas in force for the console: each team's margin over every floor, today's office/home split. */
export async function readTeams(teams: StaffingTeams, days: number, correlationId: string) {
  const now = await teams.now(days, correlationId);
  return {
    today: now.today,
    departments: now.departments.map((d) => ({
      department: d.department,
      name: d.name,
      unit: d.unit,
      firstDay: d.firstDay,
      floorsMet: d.shortFloors.length === 0,
      shortFloors: d.shortFloors,
      today: { office: d.officeToday, home: d.homeToday, out: d.outToday },
      teams: d.teams.map((t) => ({
        id: t.teamId,
        letter: t.letter,
        size: t.size,
        atDesk: t.atDesk,
        officeToday: t.officeToday,
        out: t.outUntil ? { until: t.outUntil, reason: t.outReason } : null,
        margins: t.margins.map(marginView),
      })),
      days: d.days.map((day) => ({ date: day.date, officeTeam: day.officeTeamId || null, outTeams: day.outTeamIds })),
    })),
  };
}

const columns = ["date", "department", "departmentName", "team", "place", "members"];

/** The rota as CSV for a spreadsheet: one row per day and team, where the team is (office, home, out). */
export async function readTeamRotaCsv(teams: StaffingTeams, days: number, correlationId: string): Promise<string> {
  const now = await teams.now(days, correlationId);
  const rows = now.departments.flatMap((d) =>
    d.days.flatMap((day) =>
      d.teams.map((t) => {
        const place = day.officeTeamId === t.teamId ? "office" : day.outTeamIds.includes(t.teamId) ? "out" : "home";
        return [day.date, d.department, d.name, t.teamId, place, t.size];
      }),
    ),
  );
  return spreadsheetCsv(columns, rows);
}

/** The caller's team and office days (staff page); null when no rota has them. */
export async function readMyTeam(teams: StaffingTeams, staffId: string, correlationId: string) {
  const mine = await teams.mine(staffId, correlationId);
  if (!mine.found) return { team: null };
  return {
    team: {
      id: mine.teamId,
      letter: mine.letter,
      department: mine.department,
      departmentName: mine.departmentName,
      out: mine.outUntil ? { until: mine.outUntil, reason: mine.outReason } : null,
      officeDays: mine.officeDays,
    },
  };
}
