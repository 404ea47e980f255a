import { randomUUID } from "node:crypto";
import type { Clock } from "@crisis/platform";
import { levelName } from "@crisis/platform/contracts";
import type { StaffingPlan } from "@crisis/platform/contracts/staffing";
import type { Post, PostTemplates } from "../domain";
import type { PostPlanner } from "./keep-posts-planned";
import { PlanBook, postsByPerson } from "./plan-book";
import { planPosts } from "./plan-posts";
import type { LinearProgramSolver, Roster } from "./ports";

export interface ProposeDeps {
  readonly roster: Roster;
  readonly templates: PostTemplates;
  /** Duty served so far per person (the duties side records it), read when a plan is made. */
  readonly served?: Parameters<typeof planPosts>[0]["served"];
  readonly solver: LinearProgramSolver;
  readonly clock: Clock;
  readonly planner: PostPlanner;
  readonly book: PlanBook;
}

type Tally = Map<string, { required: number; covered: number }>;
const count = (tally: Tally, key: string, covered: boolean) => {
  const t = tally.get(key) ?? { required: 0, covered: 0 };
  t.required++;
  if (covered) t.covered++;
  tally.set(key, t);
};
const rows = (tally: Tally) => [...tally].map(([key, t]) => ({ key, ...t }));

/**
 * Proposes a plan for a person to review: coverage per post, ward and skill, each department's
 * floor margin, every open position with why nobody fits, and the changes from the plan in force.
 */
export async function proposeStaffingPlan(deps: ProposeDeps): Promise<StaffingPlan> {
  const inputs = deps.planner.inputs();
  const now = deps.clock.now();
  const { plan, posts } = await planPosts({ ...deps, ...inputs, now });
  const id = randomUUID();
  const assignments = plan?.assignments ?? [];
  deps.book.add({ id, proposedAt: now, inputs, plan: plan ?? emptyPlan, posts });

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

  const level = (inputs.mode && levelName(inputs.mode.level)) ?? "normal";
  const period =
    posts.length > 0
      ? { start: Math.min(...posts.map((p) => p.start.getTime())), end: Math.max(...posts.map((p) => p.end.getTime())) }
      : undefined;
  const away = (unavailable: readonly { start: Date; end: Date }[]) =>
    period !== undefined && unavailable.some((u) => u.start.getTime() < period.end && period.start < u.end.getTime());
  const released = new Set(assignments.map((a) => a.staffId));
  const floors = deps.roster.departments.map((d) => {
    const members = deps.roster.staff.filter((p) => p.department === d.id);
    const present = members.filter((p) => !away(p.unavailable));
    // Someone away for part of the plan may still take a post outside it; only present people count against the floor.
    const out = present.filter((p) => released.has(p.id)).length;
    const floor = d.floors[level]?.headcount ?? present.length;
    return {
      department: d.id,
      departmentName: d.name,
      floor,
      present: present.length,
      released: members.filter((p) => released.has(p.id)).length,
      margin: present.length - out - floor,
    };
  });

  const before = postsByPerson(deps.book.inForce?.plan);
  const after = postsByPerson(plan);
  const changes = [...new Set([...before.keys(), ...after.keys()])]
    .sort()
    .filter((staffId) => before.get(staffId) !== after.get(staffId))
    .map((staffId) => ({ staffId, fromPostId: before.get(staffId) ?? "", toPostId: after.get(staffId) ?? "" }));

  return {
    planId: id,
    proposedAt: now.toISOString(),
    positionsRequired: plan?.positionsRequired ?? 0,
    positionsCovered: plan?.positionsCovered ?? 0,
    upperBound: plan?.upperBound ?? 0,
    perPost: rows(perPost),
    perWard: rows(perWard),
    perSkill: rows(perSkill),
    floors,
    openPositions: (plan?.uncovered ?? []).map((u) => ({
      postId: u.postId,
      position: u.position,
      skills: [...u.skills],
      why: u.explanation,
    })),
    changes,
  };
}

const emptyPlan = { assignments: [], uncovered: [], positionsRequired: 0, positionsCovered: 0, upperBound: 0, released: [] };

const expand = (post: Post) => post.positions.flatMap((need) => Array.from({ length: need.count }, () => need.skills));
