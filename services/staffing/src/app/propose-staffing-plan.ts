import { randomUUID } from "node:crypto";
import type { Clock } from "@crisis/platform/ports";
import type { StaffingPlan } from "@crisis/platform/contracts/staffing";
import { formatCityTime } from "@crisis/platform/contracts";
import type { Post, PostTemplates } from "../domain";
import type { PostPlanner } from "./keep-posts-planned";
import { PlanBook, postsByPerson } from "./plan-book";
import { planCoverage } from "./plan-coverage";
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

/**
 * Proposes a plan for a person to review: coverage per post, ward and skill, each department's
 * floor margin, every open position with why nobody fits, and the changes from the plan in force.
 */
export async function proposeStaffingPlan(deps: ProposeDeps): Promise<StaffingPlan> {
  const inputs = deps.planner.inputs();
  const now = deps.clock.now();
  const { plan, posts } = await planPosts({ ...deps, ...inputs, now });
  const id = randomUUID();
  deps.book.add({ id, proposedAt: now, inputs, plan: plan ?? emptyPlan, posts });

  const { perPost, perWard, perSkill, floors } = planCoverage(deps.roster, posts, plan, inputs.mode);

  const before = postsByPerson(deps.book.inForce?.plan);
  const after = postsByPerson(plan);
  const names = new Map(deps.roster.staff.map((p) => [p.id, p.name]));
  const postNames = new Map([...(deps.book.inForce?.posts ?? []), ...posts].map((p) => [p.id, postInWords(p)]));
  const leaving = new Map((plan?.released ?? []).map((r) => [r.assignment.staffId, r]));
  const changes = [...new Set([...before.keys(), ...after.keys()])]
    .sort()
    .filter((staffId) => before.get(staffId) !== after.get(staffId))
    .map((staffId) => {
      const fromPostId = before.get(staffId) ?? "";
      const toPostId = after.get(staffId) ?? "";
      const left = leaving.get(staffId);
      return {
        staffId,
        fromPostId,
        toPostId,
        name: names.get(staffId) ?? "",
        fromPostName: postNames.get(fromPostId) ?? "",
        toPostName: postNames.get(toPostId) ?? "",
        forced: !left?.optional,
        why: left?.reason ?? "",
      };
    });

  return {
    planId: id,
    proposedAt: now.toISOString(),
    positionsRequired: plan?.positionsRequired ?? 0,
    positionsCovered: plan?.positionsCovered ?? 0,
    upperBound: plan?.upperBound ?? 0,
    perPost,
    perWard,
    perSkill,
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

const day = { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const hour = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
/** A post as the reviewer reads it: place, duty and its hours in the city's time ("碩台小学校 避難所運営 12/6 15:00–23:00"). */
const postInWords = (p: Post) => `${p.place} ${p.duty} ${formatCityTime(p.start, "ja-JP", day)}–${formatCityTime(p.end, "ja-JP", hour)}`;
