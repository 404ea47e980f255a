import { limitApplies, type DrawLimit } from "./floors";
import type { StaffGroup } from "./groups";
import { LinearProgram, type Terms } from "./linear-program";
import type { Problem } from "./problem";
import { clashGroups } from "./shifts";
import type { Ward } from "../types";

/**
 * Preference weights, applied once the number of covered positions is fixed. Keeping a
 * current assignment outweighs everything else; then no one works a second shift while an
 * alike colleague works none (the price of a repeat shift exceeds any band below); then
 * departments give staff in even shares.
 */
const KEEP_WEIGHT = 100;
const REPEAT_SHIFT_WEIGHT = 4;
/** Drawing someone away for part of the plan from a department already at or below its floor. */
const SHORT_DEPARTMENT_WEIGHT = 2;
/**
 * A department's releasable staff are priced in thirds: the first third is free, later thirds
 * cost more per person, so the solver draws evenly. A min-max share would say the same but
 * makes the integer program far harder to solve (measured: no answer at 10,000 staff).
 */
const SHARE_BAND_COSTS = [0, 1, 3];

export interface ModelInput {
  readonly problem: Problem;
  readonly groups: readonly StaffGroup[];
  readonly limits: readonly DrawLimit[];
  /** Open positions per role and post ward. */
  readonly demand: ReadonlyMap<number, ReadonlyMap<Ward, number>>;
  /** Shifts a stand-alone person already holds by acknowledgement. */
  readonly held: ReadonlyMap<number, readonly number[]>;
  /** Current assignments worth keeping: the stand-alone person's group and the role. */
  readonly keep: readonly { readonly group: number; readonly role: number }[];
}

export const workVar = (group: number, role: number) => `y${group}_${role}`;
export const drawnVar = (group: number) => `u${group}`;
export const keepVar = (index: number) => `k${index}`;

/** The integer program "cover as many positions as possible" over pools of alike staff. */
export function buildCoverageModel(input: ModelInput): { lp: LinearProgram; coverage: Terms } {
  const { problem, groups, limits, demand, held } = input;
  const lp = new LinearProgram();
  const coverage: [string, number][] = [];
  const byRole = new Map<number, [string, number][]>();
  const drawn = new Map<number, string>();
  const clashes = clashGroups(problem.shifts);
  for (const group of groups) {
    const own = held.get(group.index) ?? [];
    const roles = problem.roles.filter(
      (r) => totalOf(demand.get(r.index)) > 0 && group.shifts.includes(r.shift) && r.skills.every((s) => group.skills.includes(s)),
    );
    if (roles.length === 0 && own.length === 0) continue;
    const size = group.members.length;
    const u = lp.variable(drawnVar(group.index), own.length > 0 ? 1 : 0, size, true);
    drawn.set(group.index, u);
    const work = roles.map((r) => {
      const y = lp.variable(workVar(group.index, r.index), 0, Math.min(size, totalOf(demand.get(r.index))), true);
      coverage.push([y, 1]);
      const terms = byRole.get(r.index);
      if (terms) terms.push([y, 1]);
      else byRole.set(r.index, [[y, 1]]);
      return { role: r, y };
    });
    for (const clash of clashes) {
      const inClash = work.filter((w) => clash.includes(w.role.shift)).map((w): [string, number] => [w.y, 1]);
      const heldInClash = own.filter((s) => clash.includes(s)).length;
      if (inClash.length > 0) lp.atMost([...inClash, [u, -1]], -heldInClash);
    }
    lp.atMost([[u, 1], ...work.map((w): [string, number] => [w.y, -1])], own.length);
    // Limits are written per person drawn (`… ≤ limit × u`), not as a constant: the same rule,
    // but the relaxation can no longer spread a fraction of a person over more shifts than they
    // may work, which made it fractional (and branch and bound slow) over several days.
    if (group.maxHours !== undefined) {
      const heldHours = own.reduce((h, s) => h + problem.shifts[s]!.hours, 0);
      lp.atMost([...work.map((w): [string, number] => [w.y, problem.shifts[w.role.shift]!.hours]), [u, -group.maxHours]], -heldHours);
    }
    if (group.shiftCap !== undefined) lp.atMost([...work.map((w): [string, number] => [w.y, 1]), [u, -group.shiftCap]], 0);
  }
  for (const [role, terms] of byRole) lp.atMost(terms, totalOf(demand.get(role)));
  for (const limit of limits) {
    const terms = groups.filter((g) => g.countsTowardFloor && drawn.has(g.index) && limitApplies(limit, g.members[0]!));
    lp.atMost(
      terms.map((g) => [drawn.get(g.index)!, 1]),
      limit.limit,
    );
  }
  lp.setObjective(coverage);
  return { lp, coverage };
}

/**
 * Turns the model into "among plans covering `covered` positions, the one people prefer":
 * departments drawn evenly, shifts spread over people, current assignments kept. Wards close
 * to home are left to `realize`, which picks whom of a pool to draw and seats them.
 */
export function addPreferences(lp: LinearProgram, input: ModelInput, coverage: Terms, covered: number): void {
  const { groups, limits } = input;
  lp.atLeast(coverage, covered);
  const objective: [string, number][] = [];
  limits.forEach((limit, l) => {
    if (limit.skill !== undefined || limit.limit === 0) return;
    const drawn = groups
      .filter((g) => g.countsTowardFloor && lp.has(drawnVar(g.index)) && limitApplies(limit, g.members[0]!))
      .map((g): [string, number] => [drawnVar(g.index), -1]);
    if (drawn.length === 0) return;
    const bands = SHARE_BAND_COSTS.map((cost, b) => {
      const band = lp.variable(`b${l}_${b}`, 0, Math.ceil(limit.limit / SHARE_BAND_COSTS.length), false);
      if (cost > 0) objective.push([band, cost]);
      return [band, 1] as [string, number];
    });
    lp.equal([...bands, ...drawn], 0);
  });
  const atFloor = new Set(limits.filter((l) => l.skill === undefined && l.limit === 0).map((l) => l.department));
  for (const group of groups) {
    if (!lp.has(drawnVar(group.index))) continue;
    objective.push([drawnVar(group.index), -REPEAT_SHIFT_WEIGHT]);
    // Someone away for part of the plan costs no floor, but a department already short keeps them if it can.
    if (!group.countsTowardFloor && atFloor.has(group.department)) objective.push([drawnVar(group.index), SHORT_DEPARTMENT_WEIGHT]);
  }
  for (const [name] of coverage) objective.push([name, REPEAT_SHIFT_WEIGHT]);
  input.keep.forEach((k, i) => {
    const y = workVar(k.group, k.role);
    if (!lp.has(y)) return;
    const keep = lp.variable(keepVar(i), 0, 1, true);
    lp.atMost(
      [
        [keep, 1],
        [y, -1],
      ],
      0,
    );
    objective.push([keep, -KEEP_WEIGHT]);
  });
  lp.setObjective(objective);
}

export function totalOf(perWard: ReadonlyMap<Ward, number> | undefined): number {
  let total = 0;
  for (const n of perWard?.values() ?? []) total += n;
  return total;
}
