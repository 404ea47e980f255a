import { teamMargins } from "./margins";
import type { DepartmentTeams, FloorMargin } from "./types";
import type { StaffMember } from "../types";

/**
 * The department's floor while some of its teams are out: the teams still in, together, with
 * their people at their desks (they all come in by the rota's fallback). `short` lists the
 * floors they cannot hold; with every team out, all of them.
 */
export function floorsWhileOut(
  department: DepartmentTeams,
  out: ReadonlySet<string>,
  people: ReadonlyMap<string, StaffMember>,
  notAtDesk: ReadonlySet<string>,
): { margins: FloorMargin[]; short: FloorMargin[] } {
  const desk = department.teams
    .filter((t) => !out.has(t.letter))
    .flatMap((t) => t.members)
    .filter((id) => !notAtDesk.has(id))
    .map((id) => people.get(id))
    .filter((p): p is StaffMember => p !== undefined);
  const margins = teamMargins(department.floor, desk);
  return { margins, short: margins.filter((m) => m.margin < 0) };
}
