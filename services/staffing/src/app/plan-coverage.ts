import { levelName, type Mode } from "@crisis/platform/contracts";
import type { Coverage, FloorMargin } from "@crisis/platform/contracts/staffing";
import type { Plan, Post } from "../domain";
import type { Roster } from "./ports";

type Tally = Map<string, { required: number; covered: number }>;
const count = (tally: Tally, key: string, covered: boolean) => {
  const t = tally.get(key) ?? { required: 0, covered: 0 };
  t.required++;
  if (covered) t.covered++;
  tally.set(key, t);
};
const rows = (tally: Tally): Coverage[] => [...tally].map(([key, t]) => ({ key, ...t }));
const expand = (post: Post) => post.positions.flatMap((need) => Array.from({ length: need.count }, () => need.skills));

/**
 * What a plan covers per post, ward and skill, and each department's floor margin: shown when a
 * plan is proposed and, for the plan in force, while managers watch.
 */
export function planCoverage(
  roster: Roster,
  posts: readonly Post[],
  plan: Pick<Plan, "assignments"> | undefined,
  mode: Mode | undefined,
): { perPost: Coverage[]; perWard: Coverage[]; perSkill: Coverage[]; floors: FloorMargin[] } {
  const assignments = plan?.assignments ?? [];
  const filled = new Set(assignments.map((a) => `${a.postId}#${a.position}`));
  const perPost: Tally = new Map();
  const perWard: Tally = new Map();
  const perSkill: Tally = new Map();
  for (const post of posts) {
    expand(post).forEach((skills, position) => {
      const covered = filled.has(`${post.id}#${position}`);
      count(perPost, post.id, covered);
      count(perWard, post.ward, covered);
      count(perSkill, skills.join("+"), covered);
    });
  }

  const level = (mode && levelName(mode.level)) ?? "normal";
  const period =
    posts.length > 0
      ? { start: Math.min(...posts.map((p) => p.start.getTime())), end: Math.max(...posts.map((p) => p.end.getTime())) }
      : undefined;
  const away = (unavailable: readonly { start: Date; end: Date }[]) =>
    period !== undefined && unavailable.some((u) => u.start.getTime() < period.end && period.start < u.end.getTime());
  const released = new Set(assignments.map((a) => a.staffId));
  const floors = roster.departments.map((d) => {
    const members = roster.staff.filter((p) => p.department === d.id);
    const present = members.filter((p) => !away(p.unavailable));
    // Someone away for part of the plan may still take a post outside it; only present people count against the floor.
    const out = present.filter((p) => released.has(p.id)).length;
    const floor = d.floors[level]?.headcount ?? present.length;
    const margin = present.length - out - floor;
    // A floor that binds is what keeps these people at their desks; one with room to spare keeps no one back.
    const heldBack = margin <= 0 ? present.filter((p) => !released.has(p.id)).map((p) => ({ staffId: p.id, name: p.name })) : [];
    return {
      department: d.id,
      departmentName: d.name,
      floor,
      present: present.length,
      released: members.filter((p) => released.has(p.id)).length,
      margin,
      heldBack,
    };
  });
  return { perPost: rows(perPost), perWard: rows(perWard), perSkill: rows(perSkill), floors };
}
