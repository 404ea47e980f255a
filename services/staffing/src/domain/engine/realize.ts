import { drawnVar, workVar } from "./coverage-model";
import type { StaffGroup } from "./groups";
import type { Position, Problem } from "./problem";
import { clashes, type Shift } from "./shifts";
import { WARDS, type AssignmentOrigin, type StaffMember, type Ward } from "../types";
import { wardDistance } from "./wards";

export interface Placement {
  readonly person: StaffMember;
  readonly position: Position;
  readonly origin: AssignmentOrigin;
}

export interface Realization {
  readonly placements: readonly Placement[];
  readonly open: readonly Position[];
}

/** Where each person stood before: acknowledged placements are fixed, others are kept if the solver allows. */
export interface Standing {
  readonly held: readonly Placement[];
  readonly previous: ReadonlyMap<string, readonly Position[]>;
}

/**
 * Turns the solver's counts ("so many of this pool on this role") into named people on named
 * positions. Within a pool, shifts go in start order to the rested member with the fewest
 * shifts among as many members as the solver drew; someone is always rested, because shifts
 * stretched by the rest period are intervals and the solver kept each overlap within that count.
 */
export function realize(
  problem: Problem,
  groups: readonly StaffGroup[],
  values: ReadonlyMap<string, number>,
  standing: Standing,
): Realization {
  const taken = new Set(standing.held.map((p) => p.position));
  const open = problem.positions.filter((p) => !taken.has(p));
  const chosen = new Map<number, StaffMember[]>();
  const heldShifts = new Map<StaffMember, Shift[]>();
  for (const h of standing.held) heldShifts.set(h.person, [...(heldShifts.get(h.person) ?? []), problem.shifts[h.position.shift]!]);
  for (const group of groups) {
    if (!values.has(drawnVar(group.index))) continue;
    const drawn = Math.round(values.get(drawnVar(group.index)) ?? 0);
    const rota = group.members.slice(0, drawn).map((person) => ({
      person,
      shifts: [...(heldShifts.get(person) ?? [])],
    }));
    const work = problem.roles
      .map((role) => ({ role, count: Math.round(values.get(workVar(group.index, role.index)) ?? 0) }))
      .filter((w) => w.count > 0)
      .sort((a, b) => problem.shifts[a.role.shift]!.start - problem.shifts[b.role.shift]!.start || a.role.index - b.role.index);
    for (const { role, count } of work) {
      const shift = problem.shifts[role.shift]!;
      for (let n = 0; n < count; n++) {
        const rested = rota.filter((m) => m.shifts.every((s) => !clashes(s, shift)));
        const member = rested.reduce((least, m) => (m.shifts.length < least.shifts.length ? m : least));
        member.shifts.push(shift);
        const list = chosen.get(role.index);
        if (list) list.push(member.person);
        else chosen.set(role.index, [member.person]);
      }
    }
  }
  const placements = [...standing.held];
  const byRole = new Map<number, Position[]>();
  for (const p of open) {
    const list = byRole.get(p.role);
    if (list) list.push(p);
    else byRole.set(p.role, [p]);
  }
  const filled = new Set<Position>();
  for (const [role, people] of [...chosen].sort((a, b) => a[0] - b[0])) {
    placements.push(...seat(people, byRole.get(role) ?? [], standing.previous, filled));
  }
  return { placements, open: open.filter((p) => !filled.has(p)) };
}

/** Puts people back where they were when they can be, then everyone else as near home as possible. */
function seat(
  people: readonly StaffMember[],
  positions: readonly Position[],
  previous: Standing["previous"],
  filled: Set<Position>,
): Placement[] {
  const placements: Placement[] = [];
  const waiting: StaffMember[] = [];
  for (const person of people) {
    const before = (previous.get(person.id) ?? []).find((p) => positions.includes(p) && !filled.has(p));
    if (before) {
      filled.add(before);
      placements.push({ person, position: before, origin: "kept" });
    } else waiting.push(person);
  }
  const byWard = new Map<Ward, Position[]>(WARDS.map((w) => [w, positions.filter((p) => p.post.ward === w && !filled.has(p))]));
  for (let distance = 0; distance <= 2 && waiting.length > 0; distance++) {
    for (let i = 0; i < waiting.length; i++) {
      const person = waiting[i]!;
      const ward = WARDS.find((w) => wardDistance(person.ward, w) === distance && byWard.get(w)!.length > 0);
      if (!ward) continue;
      const position = byWard.get(ward)!.shift()!;
      filled.add(position);
      placements.push({ person, position, origin: "new" });
      waiting.splice(i--, 1);
    }
  }
  return placements;
}
