import type { Clock } from "@crisis/platform/ports";
import { eventTypes, levelName } from "@crisis/platform/contracts";
import { inBatches, noticeId } from "./duty-notices";
import { takeOffPosts, type ReplaceDeps } from "./replace-on-post";
import type { TeamStore } from "./ports";
import {
  declareOut,
  endOut,
  errors,
  floorsWhileOut,
  splitTeams,
  myOfficeDays,
  rotaNotices,
  rotaPlanned,
  rotaReturned,
  rotaSuspended,
  rotaView,
  staffRotaChanged,
  teamsOut,
  type DepartmentRota,
  type FloorMargin,
  type RotaView,
  type StaffMember,
  type TeamSetting,
  type TeamSplit,
} from "../domain";

/** Days of office days a notice lists (at least until the last out ends). */
const NOTICE_DAYS = 14;

/**
 * Everyone in the department is told their days, a few at a time: stay home until …, or come in on
 * these days (crisis.staff.rota.changed). The notice id comes from what the person is told.
 */
async function tellEveryone(deps: TeamDeps, rota: DepartmentRota, reason: string, correlationId: string) {
  const now = deps.clock.now();
  const notices = rotaNotices(rota, now, NOTICE_DAYS);
  await inBatches(notices, 50, async (n) => {
    const id = noticeId("rota", n.staffId, n.teamId, n.stayHomeUntil ?? "", ...n.officeDays);
    const told = staffRotaChanged(rota, n, id, reason, now);
    await deps.events.publish(eventTypes.staffRotaChanged, told, { eventId: told.eventId, correlationId });
  });
  return notices;
}

export interface TeamDeps extends ReplaceDeps {
  readonly teams: TeamStore;
  /** Told the rotas again whenever an out changes, so that every plan reads the members of a team out as away. */
  readonly outs?: { follow(rotas: readonly DepartmentRota[]): void };
  readonly clock: Clock;
}

/** People who count for no floor now: on a post of the plan in force, or away at this moment. */
function notAtDesk(deps: TeamDeps): Set<string> {
  const now = deps.clock.now().getTime();
  const onPosts = deps.book.inForce?.plan.assignments.map((a) => a.staffId) ?? [];
  const away = deps.roster.staff
    .filter((p) => p.unavailable.some((u) => u.start.getTime() <= now && u.end.getTime() > now))
    .map((p) => p.id);
  return new Set([...onPosts, ...away]);
}

/**
 * Splits the departments of `settings` into teams, counting the plan in force (people on posts
 * count for no floor) and keeping people in their last team where the floors allow. With `apply`,
 * each department's split is kept as its rota from `firstDay`, outs already declared carried over,
 * and announced.
 */
export async function planTeams(
  deps: TeamDeps,
  settings: readonly TeamSetting[],
  firstDay: string,
  apply: boolean,
  correlationId: string,
): Promise<TeamSplit> {
  const known = new Set(deps.roster.departments.map((d) => d.id));
  settings.forEach((s, i) => {
    if (!known.has(s.department)) throw errors.teamDepartmentUnknown(i, s.department);
  });
  const before = new Map((await deps.teams.all()).map((r) => [r.split.department, r]));
  const previous = new Map(
    [...before.values()].flatMap((r) => r.split.teams.flatMap((t) => t.members.map((id) => [id, t.letter] as const))),
  );
  const level = (deps.book.inForce?.inputs.mode && levelName(deps.book.inForce.inputs.mode.level)) || "emergency";
  const split = splitTeams({
    staff: deps.roster.staff,
    departments: deps.roster.departments,
    settings,
    level: level === "normal" ? "emergency" : level,
    notAtDesk: notAtDesk(deps),
    previous,
  });
  if (!apply) return split;
  for (const department of split.departments) {
    const rota: DepartmentRota = { split: department, firstDay, outs: before.get(department.department)?.outs ?? [] };
    await deps.teams.put(rota);
    const planned = rotaPlanned(rota, deps.clock.now());
    await deps.events.publish(eventTypes.rotaPlanned, planned, { eventId: planned.eventId, correlationId });
  }
  return split;
}

/** A floor the teams still in cannot hold, in words. */
/**
 * A floor not held, in names and figures only ("総務課: 手話 1 / 2 (−1)"): it reaches pages and
 * pushes in any language, which put their own words before it (最低人数を満たせません, Floors not met).
 */
export const floorInWords = (name: string, m: FloorMargin) =>
  `${name}: ${m.skill ? `${m.skill} ` : ""}${m.have} / ${m.minimum} (−${-m.margin})`;

async function rotaOf(deps: TeamDeps, teamId: string): Promise<DepartmentRota> {
  const department = teamId.slice(0, teamId.lastIndexOf("."));
  const rota = await deps.teams.get(department);
  if (!rota) throw errors.teamNotFound(teamId);
  return rota;
}

/**
 * A team is out until `until` (or its out is extended or brought forward): its members are
 * unavailable, the other teams come in by the rota's fallback, and every post the team holds in
 * the plan in force is re-planned through the replacement path. Returns the floors the teams
 * still in cannot hold, in words.
 */
export async function declareTeamOut(
  deps: TeamDeps,
  teamId: string,
  reason: string,
  until: Date,
  correlationId: string,
): Promise<{ rota: DepartmentRota; short: string[]; replaced: number; open: number }> {
  const now = deps.clock.now();
  const rota = declareOut(await rotaOf(deps, teamId), teamId, reason, until, now);
  await deps.teams.put(rota);
  deps.outs?.follow(await deps.teams.all());
  const members = new Set(rota.split.teams.find((t) => t.id === teamId)!.members);
  const people = new Map(deps.roster.staff.map((p) => [p.id, p]));
  const { short } = floorsWhileOut(rota.split, teamsOut(rota, now), people, notAtDesk(deps));
  const words = short.map((m) => floorInWords(rota.split.name, m));
  const suspended = rotaSuspended(rota, teamId, words, now);
  await deps.events.publish(eventTypes.rotaSuspended, suspended, { eventId: suspended.eventId, correlationId });
  await tellEveryone(deps, rota, reason, correlationId);
  const away = { start: now, end: until };
  const staff = deps.roster.staff.map((p): StaffMember => (members.has(p.id) ? { ...p, unavailable: [...p.unavailable, away] } : p));
  const replacing = { ...deps, roster: { staff, departments: deps.roster.departments } };
  const held = deps.book.inForce?.plan.assignments.filter((a) => members.has(a.staffId)) ?? [];
  const replaced = await takeOffPosts(
    replacing,
    held,
    (a) => ({
      key: `${a.staffId}|${a.postId}|team-out|${teamId}`,
      reason: `replaces a colleague whose team is out until ${until.toISOString()}`,
    }),
    correlationId,
    now,
  );
  return { rota, short: words, replaced, open: held.length - replaced };
}

/** Ends a team's out early: it is back on the rota from now. */
export async function endTeamOut(deps: TeamDeps, teamId: string, correlationId: string): Promise<DepartmentRota> {
  const now = deps.clock.now();
  const rota = endOut(await rotaOf(deps, teamId), teamId, now);
  await deps.teams.put(rota);
  deps.outs?.follow(await deps.teams.all());
  const returned = rotaReturned(rota, teamId, now);
  await deps.events.publish(eventTypes.rotaReturned, returned, { eventId: returned.eventId, correlationId });
  await tellEveryone(deps, rota, `team ${teamId} is back`, correlationId);
  return rota;
}

/** The rotas in force as they stand now, each team's margins counted with its people at their desks now. */
export async function readTeams(deps: TeamDeps, days: number): Promise<RotaView[]> {
  const people = new Map(deps.roster.staff.map((p) => [p.id, p]));
  const desk = notAtDesk(deps);
  const now = deps.clock.now();
  return (await deps.teams.all())
    .map((rota) => rotaView(rota, people, desk, now, days))
    .sort((a, b) => a.department.localeCompare(b.department));
}

/** A person's team and office days over the next two weeks; undefined when no rota has them. */
export async function readMyTeam(deps: TeamDeps, staffId: string) {
  const person = deps.roster.staff.find((p) => p.id === staffId);
  const rota = person && (await deps.teams.get(person.department));
  if (!rota) return undefined;
  const now = deps.clock.now();
  const mine = myOfficeDays(rota, staffId, now, NOTICE_DAYS);
  if (!mine) return undefined;
  const notice = rotaNotices(rota, now, NOTICE_DAYS).find((n) => n.staffId === staffId)!;
  return { rota, teamId: mine.teamId, out: mine.out, officeDays: notice.officeDays };
}
