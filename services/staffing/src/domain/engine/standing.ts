import type { DrawLimit } from "./floors";
import { floorReturn, returnToFloors } from "./floor-guard";
import { canWorkShift, holdsSkills, type Position, type Problem } from "./problem";
import type { Placement } from "./realize";
import type { Assignment, Released } from "../types";

export interface CurrentStanding {
  readonly held: readonly Placement[];
  readonly previous: ReadonlyMap<string, readonly Position[]>;
  readonly released: readonly Released[];
}

/**
 * Sorts the assignments in force: acknowledged ones the person can still serve are held as they
 * are unless a floor now needs them back; unacknowledged ones are remembered so the solver can
 * prefer to keep them; the rest are released with the reason.
 */
export function readStanding(problem: Problem, current: readonly Assignment[], limits: readonly DrawLimit[]): CurrentStanding {
  const positions = new Map(problem.positions.map((p) => [`${p.post.id}#${p.position}`, p]));
  const people = new Map(problem.staff.map((p) => [p.id, p]));
  const held: Placement[] = [];
  const previous = new Map<string, Position[]>();
  const released: Released[] = [];
  const seated = new Set<Position>();
  const sorted = [...current].sort((a, b) => Number(b.acknowledged) - Number(a.acknowledged));
  for (const assignment of sorted) {
    const position = positions.get(`${assignment.postId}#${assignment.position}`);
    const person = people.get(assignment.staffId);
    const reason = !position
      ? "the post or position no longer exists"
      : !person
        ? "the person is no longer on the roster"
        : !holdsSkills(person, position.skills)
          ? "the person no longer holds the required skills"
          : !canWorkShift(problem, person, problem.shifts[position.shift]!)
            ? "the person is now unavailable for this shift"
            : seated.has(position)
              ? "another person holds this position"
              : undefined;
    if (reason || !position || !person) {
      released.push({ assignment, reason: reason ?? "" });
      continue;
    }
    if (assignment.acknowledged) {
      seated.add(position);
      held.push({ person, position, origin: "acknowledged" });
    } else previous.set(person.id, [...(previous.get(person.id) ?? []), position]);
  }
  const { kept, returned } = returnToFloors(problem, limits, held);
  for (const { placement, limit } of returned) {
    const assignment = current.find(
      (a) => a.staffId === placement.person.id && a.postId === placement.position.post.id && a.position === placement.position.position,
    )!;
    released.push({ assignment, ...floorReturn(problem, limit) });
  }
  return { held: kept, previous, released };
}
