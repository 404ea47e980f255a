import { allocateKinds } from "./allocate";
import { floorShortfalls, teamMargins } from "./margins";
import { TEAM_LETTERS, type DepartmentShort, type DepartmentTeams, type TeamSetting, type TeamSplit, type TeamSplitRequest } from "./types";
import type { ContinuityFloor, Department, StaffMember } from "../types";

/**
 * Splits each department with a team setting into 2 or 3 teams (班) such that every team alone
 * meets the department's floor with the people at their desks (not on an emergency post in
 * force, not away). Among such splits: the last split is kept when it still holds and its
 * teams differ in size by little; otherwise teams as even as possible, with as few people
 * moved from their last team as the kinds' amounts allow. A department no split can serve is
 * reported with the floor that is short, instead of a weaker split.
 */
export function splitTeams(request: TeamSplitRequest): TeamSplit {
  const members = new Map<string, StaffMember[]>();
  for (const person of request.staff) {
    const list = members.get(person.department);
    if (list) list.push(person);
    else members.set(person.department, [person]);
  }
  const byId = new Map(request.departments.map((d) => [d.id, d]));
  const departments: DepartmentTeams[] = [];
  const short: DepartmentShort[] = [];
  for (const setting of request.settings) {
    const department = byId.get(setting.department);
    if (!department) continue;
    const floor = setting.floor ?? department.floors[request.level] ?? { headcount: 0 };
    const result = splitDepartment(department, setting, floor, members.get(department.id) ?? [], request);
    if ("teams" in result) departments.push(result);
    else short.push(...result.short);
  }
  return { departments, short, moves: departments.reduce((s, d) => s + d.moves, 0) };
}

function splitDepartment(
  department: Department,
  setting: TeamSetting,
  floor: ContinuityFloor,
  people: readonly StaffMember[],
  request: TeamSplitRequest,
): DepartmentTeams | { short: DepartmentShort[] } {
  const K = setting.teams;
  const skills = Object.entries(floor.skills ?? {})
    .filter(([, n]) => n > 0)
    .map(([s]) => s)
    .sort();
  const skillFloors = skills.map((s) => floor.skills![s]!);
  const atDesk = people.filter((p) => !request.notAtDesk.has(p.id));
  const short = floorShortfalls(department, floor, K, atDesk);
  if (short.length > 0) return { short };

  const maskOf = (p: StaffMember) => skills.reduce((m, s, i) => (p.skills.includes(s) ? m | (1 << i) : m), 0);
  const previousTeam = (p: StaffMember) => {
    const letter = request.previous?.get(p.id);
    const t = letter === undefined ? -1 : TEAM_LETTERS.indexOf(letter as (typeof TEAM_LETTERS)[number]);
    return t >= 0 && t < K ? t : -1;
  };
  const team = new Map<StaffMember, number>();
  const kept = keepPrevious(atDesk, K, floor, skills, previousTeam);
  if (kept) for (const [p, t] of kept) team.set(p, t);
  else {
    const byKind = new Map<number, StaffMember[]>();
    for (const p of atDesk) {
      const m = maskOf(p);
      const list = byKind.get(m);
      if (list) list.push(p);
      else byKind.set(m, [p]);
    }
    const preferred = new Map(
      [...byKind].map(([mask, list]) => {
        const counts = new Array<number>(K).fill(0);
        for (const p of list) if (previousTeam(p) >= 0) counts[previousTeam(p)]!++;
        return [mask, counts] as const;
      }),
    );
    const allocation = allocateKinds({
      kinds: [...byKind].map(([mask, list]) => ({ mask, count: list.length })),
      skillFloors,
      headcount: floor.headcount,
      teams: K,
      preferred,
    });
    if (!allocation) return { short: [overlapShort(department, floor, K, atDesk.length)] };
    const free: StaffMember[] = [];
    for (const [mask, list] of byKind) {
      const quota = [...(allocation.get(mask) ?? new Array<number>(K).fill(0))];
      const rest: StaffMember[] = [];
      for (const p of list) {
        const t = previousTeam(p);
        if (t >= 0 && quota[t]! > 0) {
          team.set(p, t);
          quota[t]!--;
        } else rest.push(p);
      }
      for (const p of rest) {
        const t = quota.findIndex((q) => q > 0);
        if (t < 0) free.push(p);
        else {
          team.set(p, t);
          quota[t]!--;
        }
      }
    }
    placeFree(free, team, K, floor.headcount, previousTeam);
  }
  // People away or on posts join their last team, or the smallest.
  const sizes = new Array<number>(K).fill(0);
  for (const t of team.values()) sizes[t]!++;
  for (const p of people.filter((p) => request.notAtDesk.has(p.id))) {
    const last = previousTeam(p);
    const t = last >= 0 ? last : sizes.indexOf(Math.min(...sizes));
    team.set(p, t);
    sizes[t]!++;
  }
  const teams = TEAM_LETTERS.slice(0, K).map((letter, t) => {
    const list = people.filter((p) => team.get(p) === t);
    const desk = list.filter((p) => !request.notAtDesk.has(p.id));
    return {
      id: `${department.id}.${letter}`,
      letter,
      members: list.map((p) => p.id),
      atDesk: desk.length,
      margins: teamMargins(floor, desk),
    };
  });
  const moves = people.filter((p) => request.previous?.has(p.id) && previousTeam(p) !== team.get(p)).length;
  return { department: department.id, name: department.name, rota: setting.rota, floor, teams, moves };
}

/** The last split, with newcomers added, when it still meets every floor and its teams are near even. */
function keepPrevious(
  atDesk: readonly StaffMember[],
  K: number,
  floor: ContinuityFloor,
  skills: readonly string[],
  previousTeam: (p: StaffMember) => number,
): Map<StaffMember, number> | undefined {
  const team = new Map<StaffMember, number>();
  const newcomers: StaffMember[] = [];
  for (const p of atDesk) {
    const t = previousTeam(p);
    if (t >= 0) team.set(p, t);
    else newcomers.push(p);
  }
  if (team.size === 0) return undefined;
  placeFree(newcomers, team, K, floor.headcount, () => -1);
  const sizes = new Array<number>(K).fill(0);
  const holders = skills.map(() => new Array<number>(K).fill(0));
  for (const [p, t] of team) {
    sizes[t]!++;
    skills.forEach((s, i) => {
      if (p.skills.includes(s)) holders[i]![t]!++;
    });
  }
  const even = Math.max(...sizes) - Math.min(...sizes) <= Math.max(2, Math.ceil(atDesk.length / K / 20));
  const meets = sizes.every((n) => n >= floor.headcount) && skills.every((s, i) => holders[i]!.every((n) => n >= floor.skills![s]!));
  return even && meets ? team : undefined;
}

/**
 * People no skill floor needs: first to teams short of the headcount floor, then to the
 * smallest teams; each to their last team while it has room, those who cannot work from home
 * spread first so every team has its share of them.
 */
function placeFree(
  free: readonly StaffMember[],
  team: Map<StaffMember, number>,
  K: number,
  headcount: number,
  previousTeam: (p: StaffMember) => number,
) {
  const sizes = new Array<number>(K).fill(0);
  const homeless = new Array<number>(K).fill(0);
  for (const [p, t] of team) {
    sizes[t]!++;
    if (p.canWorkFromHome === false) homeless[t]!++;
  }
  // Final sizes: as even as possible, never below what a team already has, headcount first.
  const target = [...sizes];
  let left = free.length;
  for (let t = 0; t < K && left > 0; t++) {
    const add = Math.min(left, Math.max(0, headcount - target[t]!));
    target[t]! += add;
    left -= add;
  }
  while (left > 0) {
    const t = target.indexOf(Math.min(...target));
    target[t]!++;
    left--;
  }
  const ordered = [...free].sort((a, b) => Number(a.canWorkFromHome !== false) - Number(b.canWorkFromHome !== false));
  const rest: StaffMember[] = [];
  for (const p of ordered) {
    const t = previousTeam(p);
    if (t >= 0 && sizes[t]! < target[t]!) {
      team.set(p, t);
      sizes[t]!++;
      if (p.canWorkFromHome === false) homeless[t]!++;
    } else rest.push(p);
  }
  for (const p of rest) {
    let best = -1;
    for (let t = 0; t < K; t++) {
      if (sizes[t]! >= target[t]!) continue;
      if (best < 0) best = t;
      else if (p.canWorkFromHome === false ? homeless[t]! < homeless[best]! : target[t]! - sizes[t]! > target[best]! - sizes[best]!)
        best = t;
    }
    team.set(p, best);
    sizes[best]!++;
    if (p.canWorkFromHome === false) homeless[best]!++;
  }
}

function overlapShort(department: Department, floor: ContinuityFloor, K: number, available: number): DepartmentShort {
  const skills = Object.entries(floor.skills ?? {}).filter(([, n]) => n > 0);
  const names = skills.map(([s, n]) => `${s} ${n}`).join(", ");
  return {
    department: department.id,
    name: department.name,
    minimum: floor.headcount,
    teams: K,
    needed: K * floor.headcount,
    available,
    short: 0,
    explanation: `${department.name}: enough holders of each skill in all, but too few hold the floored skills together to give each of ${K} teams ${names} and ${floor.headcount} people`,
  };
}
