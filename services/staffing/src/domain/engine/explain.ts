import { formatCityTime } from "@crisis/platform/contracts";
import { limitApplies, type DrawLimit } from "./floors";
import { canWorkShift, holdsSkills, isAwayDuringPlan, type Position, type Problem } from "./problem";
import type { Placement } from "./realize";
import { clashes, type Shift } from "./shifts";
import { wardDistance } from "./wards";

const HOME_WORDS = ["lives in the post's ward", "lives in a neighbouring ward", "lives two wards away; no one nearer could be spared"];
const SHIFT_TIME = { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false } as const;

/** Words for the people and departments as the plan leaves them, shared by every explanation. */
export class Explainer {
  private readonly drawnShifts = new Map<string, Shift[]>();
  private readonly drawnPerLimit: Map<DrawLimit, number>;
  private readonly reasonsByRole = new Map<string, string>();

  constructor(
    private readonly problem: Problem,
    private readonly limits: readonly DrawLimit[],
    placements: readonly Placement[],
  ) {
    for (const p of placements) {
      this.drawnShifts.set(p.person.id, [...(this.drawnShifts.get(p.person.id) ?? []), problem.shifts[p.position.shift]!]);
    }
    const drawnPeople = new Map(placements.map((p) => [p.person.id, p.person]));
    this.drawnPerLimit = new Map(
      limits.map((l) => [l, [...drawnPeople.values()].filter((p) => !isAwayDuringPlan(p, problem) && limitApplies(l, p)).length]),
    );
  }

  whyThisPerson({ person, position, origin }: Placement): string {
    const department = this.departmentName(person.department);
    const skills = position.skills.length > 0 ? `holds ${position.skills.join("・")}` : "free for general duty";
    const home = HOME_WORDS[wardDistance(person.ward, position.post.ward)]!;
    const limit = this.limits.find((l) => l.department === person.department && l.skill === undefined);
    const desks = limit
      ? `; ${department} keeps ${limit.present - this.drawnPerLimit.get(limit)!} at their desks (floor ${limit.floor})`
      : "";
    const before = origin === "acknowledged" ? "acknowledged earlier and kept; " : origin === "kept" ? "kept from the plan in force; " : "";
    return `${before}${person.name} of ${department} ${skills}, ${home} (${person.ward})${desks}`;
  }

  whyNoOne(position: Position): string {
    const key = `${position.role}|${position.post.ward}`;
    const cached = this.reasonsByRole.get(key);
    if (cached) return cached;
    const text = this.reasonsFor(position);
    this.reasonsByRole.set(key, text);
    return text;
  }

  private reasonsFor(position: Position): string {
    const shift = this.problem.shifts[position.shift]!;
    const wanted = position.skills.length > 0 ? position.skills.join("・") : "staff member";
    const when = `${position.post.ward} ${formatCityTime(shift.start, "ja-JP", SHIFT_TIME)}–${formatCityTime(shift.end, "ja-JP", SHIFT_TIME)}`;
    const holders = this.problem.staff.filter((p) => holdsSkills(p, position.skills));
    if (holders.length === 0) return `no ${wanted} on the roster`;
    let unavailable = 0,
      busy = 0,
      atLimit = 0;
    const floors = new Map<string, number>();
    for (const person of holders) {
      const mine = this.drawnShifts.get(person.id) ?? [];
      if (!canWorkShift(this.problem, person, shift)) unavailable++;
      else if (mine.some((s) => clashes(s, shift))) busy++;
      else if (person.maxHours !== undefined && mine.reduce((h, s) => h + s.hours, 0) + shift.hours > person.maxHours) atLimit++;
      else if (mine.length === 0 && !isAwayDuringPlan(person, this.problem)) {
        const blocking = this.limits.find((l) => limitApplies(l, person) && this.drawnPerLimit.get(l)! >= l.limit);
        if (blocking) {
          const name = this.departmentName(blocking.department) + (blocking.skill ? `'s ${blocking.skill}` : "");
          floors.set(name, (floors.get(name) ?? 0) + 1);
        }
      }
    }
    const parts = [
      busy > 0 ? `${busy} already on other posts or resting` : "",
      unavailable > 0 ? `${unavailable} unavailable, resting from earlier duty or not cleared for nights` : "",
      atLimit > 0 ? `${atLimit} at their part-time hour limit` : "",
    ].filter(Boolean);
    const named = [...floors]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name]) => name);
    const floorWords = named.length > 0 ? ` without breaking the floor of ${named.join(", ")}${floors.size > 3 ? " and others" : ""}` : "";
    return `no free ${wanted} for ${when}${floorWords}` + (parts.length > 0 ? ` (${parts.join("; ")})` : "");
  }

  private departmentName(id: string): string {
    return this.problem.departments.get(id)?.name ?? id;
  }
}
