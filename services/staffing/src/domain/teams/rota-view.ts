import { addDays, cityDate, cityInstant } from "@crisis/platform/contracts";
import { teamMargins } from "./margins";
import { officeTeam, rotaDayOf } from "./rota";
import { teamsOut, type DepartmentRota, type TeamOut } from "./team-book";
import { floorsWhileOut } from "./team-out";
import type { FloorMargin } from "./types";
import type { StaffMember } from "../types";

export interface TeamView {
  readonly id: string;
  readonly letter: string;
  readonly members: readonly string[];
  readonly atDesk: number;
  /** Each floor with the team's people at their desks now (after the plan in force's reassignments). */
  readonly margins: readonly FloorMargin[];
  readonly officeToday: boolean;
  readonly out?: TeamOut;
}

export interface RotaView {
  readonly department: string;
  readonly name: string;
  readonly unit: "day" | "week";
  readonly firstDay: string;
  readonly teams: readonly TeamView[];
  /** The floors the teams still in cannot hold together now; empty when every floor holds. */
  readonly short: readonly FloorMargin[];
  /** The office team day by day (undefined: every team out), the outs of each day applied. */
  readonly days: readonly { date: string; officeTeamId?: string; outTeamIds: readonly string[] }[];
  readonly officeToday: number;
  readonly homeToday: number;
  readonly outToday: number;
}

/** Letters of the teams out at some time of city date `date`. */
function outOn(rota: DepartmentRota, date: string): Set<number> {
  const start = cityInstant(date);
  const end = cityInstant(addDays(date, 1));
  const ids = new Set(rota.outs.filter((o) => Date.parse(o.since) < end && Date.parse(o.until) > start).map((o) => o.teamId));
  return new Set(rota.split.teams.flatMap((t, i) => (ids.has(t.id) ? [i] : [])));
}

/** The team at the office on city date `date`, the outs of that day applied by the rota's fallback. */
export function officeTeamOn(rota: DepartmentRota, date: string): number | undefined {
  return officeTeam(rotaDayOf(rota.firstDay, new Date(cityInstant(date))), rota.split.teams.length, rota.split.rota, outOn(rota, date));
}

/**
 * A department's rota as it stands at `now`: each team's margin over every floor with its people at
 * their desks now, who is at the office, at home or out today, and the office team for `days` days.
 */
export function rotaView(
  rota: DepartmentRota,
  people: ReadonlyMap<string, StaffMember>,
  notAtDesk: ReadonlySet<string>,
  now: Date,
  days: number,
): RotaView {
  const today = cityDate(now);
  const outNow = teamsOut(rota, now);
  const office = officeTeam(rotaDayOf(rota.firstDay, now), rota.split.teams.length, rota.split.rota, outIndexes(rota, outNow));
  const teams = rota.split.teams.map((t, i): TeamView => {
    const desk = t.members.filter((id) => !notAtDesk.has(id)).flatMap((id) => people.get(id) ?? []);
    const out = outNow.has(t.letter) ? rota.outs.find((o) => o.teamId === t.id) : undefined;
    return {
      id: t.id,
      letter: t.letter,
      members: t.members,
      atDesk: desk.length,
      margins: teamMargins(rota.split.floor, desk),
      officeToday: i === office,
      ...(out ? { out } : {}),
    };
  });
  const size = (pick: (t: TeamView) => boolean) => teams.filter(pick).reduce((n, t) => n + t.members.length, 0);
  return {
    department: rota.split.department,
    name: rota.split.name,
    unit: rota.split.rota,
    firstDay: rota.firstDay,
    teams,
    short: floorsWhileOut(rota.split, outNow, people, notAtDesk).short,
    days: Array.from({ length: days }, (_, d) => {
      const date = addDays(today, d);
      const team = officeTeamOn(rota, date);
      const outTeamIds = [...outOn(rota, date)].map((i) => rota.split.teams[i]!.id);
      return { date, outTeamIds, ...(team === undefined ? {} : { officeTeamId: rota.split.teams[team]!.id }) };
    }),
    officeToday: size((t) => t.officeToday),
    homeToday: size((t) => !t.officeToday && !t.out),
    outToday: size((t) => t.out !== undefined),
  };
}

const outIndexes = (rota: DepartmentRota, letters: ReadonlySet<string>) =>
  new Set(rota.split.teams.flatMap((t, i) => (letters.has(t.letter) ? [i] : [])));

/** What one person is told: stay home until the out ends, or the city dates they come in. */
export interface RotaNotice {
  readonly staffId: string;
  readonly teamId: string;
  readonly stayHomeUntil?: string;
  readonly officeDays: readonly string[];
}

/**
 * The notices after a team went out, its out moved, or it came back: members of a team out stay
 * home until its end; everyone else in the department is told their office days from today over
 * `days` days (at least until the last out ends), the fallback applied.
 */
export function rotaNotices(rota: DepartmentRota, now: Date, days: number): RotaNotice[] {
  const today = cityDate(now);
  const outNow = teamsOut(rota, now);
  const lastEnd = Math.max(0, ...rota.outs.map((o) => Date.parse(o.until)));
  const span = Math.max(days, lastEnd > now.getTime() ? rotaDayOf(today, new Date(lastEnd)) + 1 : 0);
  const officeOf = new Map<number, string[]>();
  for (let d = 0; d < span; d++) {
    const date = addDays(today, d);
    const team = officeTeamOn(rota, date);
    if (team !== undefined) officeOf.set(team, [...(officeOf.get(team) ?? []), date]);
  }
  return rota.split.teams.flatMap((t, i) => {
    const out = outNow.has(t.letter) ? rota.outs.find((o) => o.teamId === t.id) : undefined;
    return t.members.map((staffId) =>
      out
        ? { staffId, teamId: t.id, stayHomeUntil: out.until, officeDays: [] }
        : { staffId, teamId: t.id, officeDays: officeOf.get(i) ?? [] },
    );
  });
}
