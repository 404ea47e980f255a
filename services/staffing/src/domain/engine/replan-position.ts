import { Explainer } from "./explain";
import { drawLimits, limitApplies } from "./floors";
import { buildProblem, canWorkShift, cmp, holdsSkills, isAwayDuringPlan, type Position } from "./problem";
import type { Placement } from "./realize";
import { clashes, type Shift } from "./shifts";
import { validateRequest } from "./validate-request";
import { wardDistance } from "./wards";
import type { Assignment, PlannedAssignment, ReplanRequest, StaffMember, UncoveredPosition } from "../types";

export interface DeclineRequest extends ReplanRequest {
  /** The assignment given up (declined, or not answered in time); its person is not asked again. */
  readonly declined: Assignment;
  /** People who declined this position before, not to be asked again. */
  readonly refused?: readonly string[];
}

/** A replacement for one position, or why there is none. */
export interface PositionReplan {
  readonly replacement?: PlannedAssignment;
  readonly uncovered?: UncoveredPosition;
}

/**
 * Re-plans one position after a decline, leaving every other assignment in force where it is:
 * the replacement holds the skills, is free and rested for the shift (11 h from their other
 * posts and their last duty), within their hours, and either already on a post (costing their
 * department nothing more) or from a department that can spare one more without breaking a
 * floor. Among those: nearest home, fewest shifts in the plan, least duty served, then id. The
 * person who declined goes back to their desk unless they hold other posts. No solver: it
 * answers in milliseconds for a city, so a decline gets its proposal at once.
 */
export function replanPosition(request: DeclineRequest): PositionReplan {
  return replanPositions({ ...request, leaving: [request.declined] })[0]!;
}

/** Several positions given up at once (a team gone out): `replanPosition`'s rule, one position after another. */
export interface LeavingRequest extends ReplanRequest {
  readonly leaving: readonly Assignment[];
  /** People not to be asked (besides those leaving). */
  readonly refused?: readonly string[];
}

/**
 * Fills each position given up in turn by `replanPosition`'s rule, each replacement counting for
 * the next (their shifts, their department's floor), building the problem once: a team of a
 * few hundred people going out is re-planned in about the time of one decline.
 */
export function replanPositions(request: LeavingRequest): PositionReplan[] {
  validateRequest(request);
  const problem = buildProblem(request.staff, request.departments, request.posts, request);
  const key = (a: { postId: string; position: number }) => `${a.postId}#${a.position}`;
  const positionOf = new Map(problem.positions.map((p) => [key({ postId: p.post.id, position: p.position }), p]));
  const posts = new Map(request.posts.map((p) => [p.id, p]));
  const leaving = new Set(request.leaving.map(key));
  const others = request.current.filter((a) => !leaving.has(key(a)) && posts.has(a.postId));
  const shiftsOf = new Map<string, Shift[]>();
  for (const a of others) {
    const post = posts.get(a.postId)!;
    const own = problem.shifts.find((s) => s.start === post.start.getTime() && s.end === post.end.getTime())!;
    shiftsOf.set(a.staffId, [...(shiftsOf.get(a.staffId) ?? []), own]);
  }
  const limits = drawLimits(problem, request.level);
  const drawnPeople = problem.staff.filter((p) => shiftsOf.has(p.id) && !isAwayDuringPlan(p, problem));
  const drawn = new Map(limits.map((l) => [l, drawnPeople.filter((p) => limitApplies(l, p)).length]));
  // Each person's limits, found once: checking every limit for every candidate of every position is what a team out spent its time on.
  const limitsOf = new Map(problem.staff.map((p) => [p.id, limits.filter((l) => limitApplies(l, p))]));
  const refused = new Set([...request.leaving.map((a) => a.staffId), ...(request.refused ?? [])]);
  const people = new Map(problem.staff.map((p) => [p.id, p]));
  const placements = placementsOf(problem.positions, others, people);
  const away = new Set(problem.staff.filter((p) => isAwayDuringPlan(p, problem)).map((p) => p.id));
  // Who holds the skills and can work the shift does not change while positions are filled: found
  // once per kind of position, by distance from the post's ward (the first thing the order asks).
  const able = new Map<string, StaffMember[][]>();
  const ableFor = (position: Position, shift: Shift) => {
    const kind = `${position.shift}|${position.post.ward}|${position.skills.join("|")}`;
    let byDistance = able.get(kind);
    if (!byDistance) {
      byDistance = [];
      for (const p of problem.staff)
        if (!refused.has(p.id) && holdsSkills(p, position.skills) && canWorkShift(problem, p, shift))
          (byDistance[wardDistance(p.ward, position.post.ward)] ??= []).push(p);
      able.set(kind, byDistance);
    }
    return byDistance;
  };
  const chosen: (Placement | Position | undefined)[] = request.leaving.map((given) => {
    const position = positionOf.get(key(given));
    if (!position) return undefined;
    const shift = problem.shifts[position.shift]!;
    const fits = (person: StaffMember) => {
      const mine = shiftsOf.get(person.id) ?? [];
      if (mine.some((s) => clashes(s, shift))) return false;
      if (person.maxHours !== undefined && mine.reduce((h, s) => h + s.hours, 0) + shift.hours > person.maxHours) return false;
      if (mine.length > 0 || away.has(person.id)) return true;
      return limitsOf.get(person.id)!.every((l) => drawn.get(l)! < l.limit);
    };
    const order = (a: StaffMember, b: StaffMember) =>
      wardDistance(a.ward, position.post.ward) - wardDistance(b.ward, position.post.ward) ||
      (shiftsOf.get(a.id)?.length ?? 0) - (shiftsOf.get(b.id)?.length ?? 0) ||
      (problem.minutesOnDuty.get(a.id) ?? 0) - (problem.minutesOnDuty.get(b.id) ?? 0) ||
      cmp(a.id, b.id);
    // The first in `order` by one pass, not a sort of everyone who fits, nearest ward first: a team out asks this per post.
    let person: StaffMember | undefined;
    for (const nearest of ableFor(position, shift)) {
      for (const candidate of nearest ?? []) if (fits(candidate) && (!person || order(candidate, person) < 0)) person = candidate;
      if (person) break;
    }
    if (!person) return position;
    const mine = shiftsOf.get(person.id) ?? [];
    if (mine.length === 0 && !away.has(person.id)) for (const l of limitsOf.get(person.id)!) drawn.set(l, drawn.get(l)! + 1);
    shiftsOf.set(person.id, [...mine, shift]);
    const placement: Placement = { person, position, origin: "new" };
    placements.push(placement);
    return placement;
  });
  const explainer = new Explainer(problem, limits, placements);
  return chosen.map((c) => {
    if (c === undefined) return {};
    if (!("person" in c)) return { uncovered: uncoveredOf(explainer, c) };
    return {
      replacement: {
        staffId: c.person.id,
        postId: c.position.post.id,
        position: c.position.position,
        acknowledged: false,
        origin: "new",
        explanation: explainer.whyThisPerson(c),
      },
    };
  });
}

function placementsOf(
  positions: readonly Position[],
  assignments: readonly Assignment[],
  people: ReadonlyMap<string, StaffMember>,
): Placement[] {
  const byKey = new Map(positions.map((p) => [`${p.post.id}#${p.position}`, p]));
  return assignments.flatMap((a) => {
    const person = people.get(a.staffId);
    const position = byKey.get(`${a.postId}#${a.position}`);
    return person && position ? [{ person, position, origin: a.acknowledged ? ("acknowledged" as const) : ("kept" as const) }] : [];
  });
}

function uncoveredOf(explainer: Explainer, position: Position): UncoveredPosition {
  return { postId: position.post.id, position: position.position, skills: position.skills, explanation: explainer.whyNoOne(position) };
}
