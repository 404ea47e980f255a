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
 * positions. Each pool draws as many members as the solver said, those living nearest the
 * open positions of its roles first. Shifts go in start order to the rested member with the
 * fewest shifts; someone is always rested, because shifts stretched by the rest period are
 * intervals and the solver kept each overlap within that count. A pool with a shift cap hands
 * its shifts round in start order: its shifts are all of one length, so two shifts `drawn`
 * apart never clash, and no member gets more than the cap.
 */
export function realize(
  problem: Problem,
  groups: readonly StaffGroup[],
  values: ReadonlyMap<string, number>,
  standing: Standing,
): Realization {
  const taken = new Set(standing.held.map((p) => p.position));
  const open = problem.positions.filter((p) => !taken.has(p));
  const openWards = new Map<number, Map<Ward, number>>();
  for (const p of open) {
    const perWard = openWards.get(p.role) ?? new Map<Ward, number>();
    perWard.set(p.post.ward, (perWard.get(p.post.ward) ?? 0) + 1);
    openWards.set(p.role, perWard);
  }
  const chosen = new Map<number, StaffMember[]>();
  const heldShifts = new Map<StaffMember, Shift[]>();
  for (const h of standing.held) heldShifts.set(h.person, [...(heldShifts.get(h.person) ?? []), problem.shifts[h.position.shift]!]);
  for (const group of groups) {
    if (!values.has(drawnVar(group.index))) continue;
    const drawn = Math.round(values.get(drawnVar(group.index)) ?? 0);
    const work = problem.roles
      .map((role) => ({ role, count: Math.round(values.get(workVar(group.index, role.index)) ?? 0) }))
      .filter((w) => w.count > 0)
      .sort((a, b) => problem.shifts[a.role.shift]!.start - problem.shifts[b.role.shift]!.start || a.role.index - b.role.index);
    const rota = drawMembers(group.members, drawn, work, openWards, problem.minutesOnDuty).map((person) => ({
      person,
      shifts: [...(heldShifts.get(person) ?? [])],
    }));
    let turn = 0;
    for (const { role, count } of work) {
      const shift = problem.shifts[role.shift]!;
      for (let n = 0; n < count; n++) {
        const member =
          group.shiftCap !== undefined
            ? rota[turn++ % rota.length]!
            : rota
                .filter((m) => m.shifts.every((s) => !clashes(s, shift)))
                .reduce((least, m) => (m.shifts.length < least.shifts.length ? m : least));
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

/**
 * Whom of a pool to draw: all members are alike to the rules, so those living nearest a ward
 * where the pool's roles have open positions, then whoever has served the fewest minutes so
 * far (load spreads over the days), then roster order. A plain order, so that a plan made
 * after a small change draws the same people.
 */
function drawMembers(
  members: readonly StaffMember[],
  drawn: number,
  work: readonly { readonly role: { readonly index: number } }[],
  openWards: ReadonlyMap<number, ReadonlyMap<Ward, number>>,
  served: ReadonlyMap<string, number>,
): StaffMember[] {
  if (drawn >= members.length) return [...members];
  const wanted = WARDS.filter((w) => work.some(({ role }) => (openWards.get(role.index)?.get(w) ?? 0) > 0));
  const distance = new Map(WARDS.map((home) => [home, Math.min(3, ...wanted.map((w) => wardDistance(home, w)))]));
  return [...members]
    .sort((a, b) => distance.get(a.ward)! - distance.get(b.ward)! || (served.get(a.id) ?? 0) - (served.get(b.id) ?? 0))
    .slice(0, drawn);
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
