import { isAwayDuringPlan, type Problem } from "./problem";
import type { ContinuityFloor, LevelName, Skill, StaffMember } from "../types";

/**
 * How many present people a department may release: its present members (everyone not away
 * during the plan) minus its floor. A limit applies to all members or, with `skill`, to the
 * holders of one skill.
 */
export interface DrawLimit {
  readonly department: string;
  readonly skill?: Skill;
  readonly floor: number;
  readonly present: number;
  readonly limit: number;
}

/** A department with no floor for the level keeps everyone: releasing staff is an explicit decision. */
export function floorAt(floors: Partial<Record<LevelName, ContinuityFloor>>, level: LevelName): ContinuityFloor | undefined {
  return floors[level];
}

export function drawLimits(problem: Problem, level: LevelName): DrawLimit[] {
  const members = new Map<string, StaffMember[]>();
  for (const person of problem.staff) {
    if (isAwayDuringPlan(person, problem)) continue;
    const list = members.get(person.department);
    if (list) list.push(person);
    else members.set(person.department, [person]);
  }
  const limits: DrawLimit[] = [];
  for (const department of [...problem.departments.values()]) {
    const present = members.get(department.id) ?? [];
    const floor = floorAt(department.floors, level);
    const headcount = floor?.headcount ?? present.length;
    limits.push({ department: department.id, floor: headcount, present: present.length, limit: Math.max(0, present.length - headcount) });
    for (const [skill, minimum] of Object.entries(floor?.skills ?? {}).sort()) {
      const holders = present.filter((p) => p.skills.includes(skill)).length;
      limits.push({ department: department.id, skill, floor: minimum, present: holders, limit: Math.max(0, holders - minimum) });
    }
  }
  return limits;
}

export function limitApplies(limit: DrawLimit, person: StaffMember): boolean {
  return person.department === limit.department && (limit.skill === undefined || person.skills.includes(limit.skill));
}
