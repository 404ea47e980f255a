import { cityHour } from "@crisis/platform/contracts";
import { expandPositions } from "./problem";
import { REST_HOURS, HOUR_MS } from "./shifts";
import type { Assignment, PlanRequest, Post, StaffMember } from "../types";

export interface Violation {
  readonly rule: "position" | "skill" | "unavailable" | "night" | "rest" | "hours" | "floor";
  readonly message: string;
}

const NIGHT_HOURS = (hour: number) => hour >= 22 || hour < 5;

/**
 * Checks a plan person by person against every hard rule, written straight from the rules and
 * sharing nothing with the solver's model, so that tests can trust it to catch the solver out.
 */
export function checkPlan(request: PlanRequest, assignments: readonly Assignment[]): Violation[] {
  const violations: Violation[] = [];
  const posts = new Map(request.posts.map((p) => [p.id, p]));
  const people = new Map(request.staff.map((p) => [p.id, p]));
  const seats = new Set<string>();
  const work = new Map<string, Post[]>();
  for (const a of assignments) {
    const post = posts.get(a.postId);
    const person = people.get(a.staffId);
    const skills = post ? expandPositions(post)[a.position] : undefined;
    if (!post || !person || !skills || seats.has(`${a.postId}#${a.position}`)) {
      violations.push({ rule: "position", message: `${a.staffId} on ${a.postId}#${a.position}: no such free position or person` });
      continue;
    }
    seats.add(`${a.postId}#${a.position}`);
    work.set(person.id, [...(work.get(person.id) ?? []), post]);
    const missing = skills.filter((s) => !person.skills.includes(s));
    if (missing.length > 0) violations.push({ rule: "skill", message: `${person.id} lacks ${missing.join(",")} for ${post.id}` });
    if (person.unavailable.some((u) => u.start < post.end && post.start < u.end)) {
      violations.push({ rule: "unavailable", message: `${person.id} is unavailable during ${post.id}` });
    }
    if (!person.canWorkNights && touchesNight(post))
      violations.push({ rule: "night", message: `${person.id} may not work the night of ${post.id}` });
  }
  for (const [id, shifts] of work) violations.push(...checkPerson(people.get(id)!, shifts, request.lastDutyEnd?.get(id)));
  violations.push(...checkFloors(request, new Set(work.keys())));
  return violations;
}

function touchesNight(post: Post): boolean {
  for (let t = post.start.getTime(); t < post.end.getTime(); t += 60_000) {
    if (NIGHT_HOURS(cityHour(t))) return true;
  }
  return false;
}

function checkPerson(person: StaffMember, posts: Post[], lastDutyEnd: Date | undefined): Violation[] {
  const violations: Violation[] = [];
  const sorted = [...posts].sort((a, b) => a.start.getTime() - b.start.getTime());
  const sinceLastDuty = lastDutyEnd && (sorted[0]!.start.getTime() - lastDutyEnd.getTime()) / HOUR_MS;
  if (sinceLastDuty !== undefined && sinceLastDuty < REST_HOURS) {
    violations.push({ rule: "rest", message: `${person.id} has ${sinceLastDuty} h since their last duty before ${sorted[0]!.id}` });
  }
  for (let i = 1; i < sorted.length; i++) {
    const gap = (sorted[i]!.start.getTime() - sorted[i - 1]!.end.getTime()) / HOUR_MS;
    if (gap < REST_HOURS)
      violations.push({ rule: "rest", message: `${person.id} has ${gap} h between ${sorted[i - 1]!.id} and ${sorted[i]!.id}` });
  }
  const hours = posts.reduce((h, p) => h + (p.end.getTime() - p.start.getTime()) / HOUR_MS, 0);
  if (person.maxHours !== undefined && hours > person.maxHours) {
    violations.push({ rule: "hours", message: `${person.id} works ${hours} h, limit ${person.maxHours}` });
  }
  return violations;
}

/** A department released someone present although that leaves fewer than its floor at their desks. */
function checkFloors(request: PlanRequest, drawn: ReadonlySet<string>): Violation[] {
  const start = Math.min(...request.posts.map((p) => p.start.getTime()));
  const end = Math.max(...request.posts.map((p) => p.end.getTime()));
  const away = (p: StaffMember) => p.unavailable.some((u) => u.start.getTime() < end && start < u.end.getTime());
  const violations: Violation[] = [];
  for (const department of request.departments) {
    const floor = department.floors[request.level];
    const present = request.staff.filter((p) => p.department === department.id && !away(p));
    const rules: [string, number, StaffMember[]][] = [["staff", floor?.headcount ?? Infinity, present]];
    for (const [skill, minimum] of Object.entries(floor?.skills ?? {})) {
      rules.push([skill, minimum, present.filter((p) => p.skills.includes(skill))]);
    }
    for (const [what, minimum, members] of rules) {
      const released = members.filter((p) => drawn.has(p.id)).length;
      if (released > 0 && members.length - released < minimum) {
        violations.push({ rule: "floor", message: `${department.id} keeps ${members.length - released} ${what}, floor ${minimum}` });
      }
    }
  }
  return violations;
}
