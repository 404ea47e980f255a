import type { DepartmentShort, FloorMargin } from "./types";
import type { ContinuityFloor, Department, StaffMember } from "../types";

/** Each floor of one team: headcount first, then each floored skill, with what the team has at its desks. */
export function teamMargins(floor: ContinuityFloor, atDesk: readonly StaffMember[]): FloorMargin[] {
  const margins: FloorMargin[] = [{ minimum: floor.headcount, have: atDesk.length, margin: atDesk.length - floor.headcount }];
  for (const [skill, minimum] of Object.entries(floor.skills ?? {}).sort()) {
    const have = atDesk.filter((p) => p.skills.includes(skill)).length;
    margins.push({ skill, minimum, have, margin: have - minimum });
  }
  return margins;
}

/** Floors that `teams` teams cannot each meet because the department has too few people at their desks in all. */
export function floorShortfalls(
  department: Department,
  floor: ContinuityFloor,
  teams: number,
  atDesk: readonly StaffMember[],
): DepartmentShort[] {
  return teamMargins(floor, atDesk)
    .filter((m) => m.have < teams * m.minimum)
    .map((m) => {
      const needed = teams * m.minimum;
      const what = m.skill ? `${m.skill} holders` : "people";
      return {
        department: department.id,
        name: department.name,
        ...(m.skill ? { skill: m.skill } : {}),
        minimum: m.minimum,
        teams,
        needed,
        available: m.have,
        short: needed - m.have,
        explanation: `${department.name}: ${teams} teams of at least ${m.minimum} ${what} need ${needed}, ${m.have} are at their desks: short by ${needed - m.have}`,
      };
    });
}
