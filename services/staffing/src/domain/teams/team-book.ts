import { reasonFits } from "../duties/answers";
import { errors } from "../errors";
import { officeDays, rotaDayOf } from "./rota";
import type { DepartmentTeams } from "./types";

/** A team out (infection, close contacts' quarantine): its members are unavailable until `until`. */
export interface TeamOut {
  readonly teamId: string;
  readonly reason: string;
  /** ISO 8601. */
  readonly since: string;
  readonly until: string;
}

/** A department's split in force: its teams, the rota's first day (city date) and the teams out. */
export interface DepartmentRota {
  readonly split: DepartmentTeams;
  readonly firstDay: string;
  readonly outs: readonly TeamOut[];
}

const teamOf = (rota: DepartmentRota, teamId: string) => {
  const team = rota.split.teams.find((t) => t.id === teamId);
  if (!team) throw errors.teamNotFound(teamId);
  return team;
};

/** Letters of the teams out at `now` (an out whose time ran out is over). */
export function teamsOut(rota: DepartmentRota, now: Date): Set<string> {
  const ids = new Set(rota.outs.filter((o) => Date.parse(o.until) > now.getTime()).map((o) => o.teamId));
  return new Set(rota.split.teams.filter((t) => ids.has(t.id)).map((t) => t.letter));
}

/**
 * Declares a team out until `until`, or moves the end of an out already declared (extending
 * it or bringing it forward): one out per team. A second team may be out at the same time.
 */
export function declareOut(rota: DepartmentRota, teamId: string, reason: string, until: Date, now: Date): DepartmentRota {
  teamOf(rota, teamId);
  if (!reasonFits(reason)) throw errors.replaceReasonInvalid();
  if (!(until.getTime() > now.getTime())) throw errors.teamOutUntilInvalid();
  const current = rota.outs.find((o) => o.teamId === teamId && Date.parse(o.until) > now.getTime());
  const out: TeamOut = { teamId, reason: reason.trim(), since: current?.since ?? now.toISOString(), until: until.toISOString() };
  return { ...rota, outs: [...rota.outs.filter((o) => o.teamId !== teamId), out] };
}

/** Ends a team's out early: the team is back on the rota from now. */
export function endOut(rota: DepartmentRota, teamId: string, now: Date): DepartmentRota {
  teamOf(rota, teamId);
  if (!teamsOut(rota, now).has(teamOf(rota, teamId).letter)) throw errors.teamNotOut(teamId);
  return { ...rota, outs: rota.outs.filter((o) => o.teamId !== teamId) };
}

/** A person's team and office days (city dates) over the next `days` days, the fallback applied for the teams out now. */
export function myOfficeDays(
  rota: DepartmentRota,
  staffId: string,
  now: Date,
  days: number,
): { teamId: string; out?: TeamOut; days: number[] } | undefined {
  const index = rota.split.teams.findIndex((t) => t.members.includes(staffId));
  if (index < 0) return undefined;
  const team = rota.split.teams[index]!;
  const out = rota.outs.find((o) => o.teamId === team.id && Date.parse(o.until) > now.getTime());
  const outIndexes = new Set([...teamsOut(rota, now)].map((l) => rota.split.teams.findIndex((t) => t.letter === l)));
  const from = rotaDayOf(rota.firstDay, now);
  const list = officeDays(index, from + days, rota.split.teams.length, rota.split.rota, outIndexes).filter((d) => d >= from);
  return { teamId: team.id, ...(out ? { out } : {}), days: list };
}
