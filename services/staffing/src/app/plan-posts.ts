import { ModeLevel, levelName, type Mode } from "@crisis/platform/contracts";
import {
  daysAround,
  emergencyPosts,
  replan,
  type ExtendedCounter,
  type OpenShelter,
  type Post,
  type Plan,
  type PlanRequest,
  type PostTemplates,
  type Ward,
} from "../domain";
import type { PlanBook } from "./plan-book";
import type { LinearProgramSolver, Roster } from "./ports";

/** What a plan covers, for managers: the shelters it staffs per ward and how many positions it fills. */
export interface StaffingSummary {
  mode?: Mode;
  staff: number;
  posts: number;
  positionsRequired: number;
  positionsCovered: number;
  shelters: { facilityId: string; facilityName: string; ward: Ward; posts: number }[];
}

export interface PlanPostsInput {
  readonly roster: Roster;
  readonly mode: Mode | undefined;
  readonly shelters: readonly OpenShelter[];
  readonly counters: readonly ExtendedCounter[];
  readonly templates: PostTemplates;
  readonly solver: LinearProgramSolver;
  /** Now: the plan staffs the shift in progress and a day's worth after it. */
  readonly now: Date;
  /**
   * The plan book, when there is one: the plan in force is re-planned rather than replaced, so
   * people keep their posts unless a change needs them elsewhere.
   */
  readonly book?: PlanBook;
  /**
   * Duty each person served so far (minutes, last end), for the rest rule and to spread load;
   * duties on the posts being planned are left out (the plan in force carries them).
   */
  readonly served?: (planned: ReadonlySet<string>) => Pick<PlanRequest, "minutesOnDuty" | "lastDutyEnd">;
}

/**
 * Plans a day of emergency posts from the shift in progress: the operation posts of every shelter facilities
 * published as open (whatever the incident), their 保健師 rounds, and the call centre while a
 * mode of alert or above is in force, and the counters of services at the extended level, staffed without breaking any department's floor for the
 * level in force.
 */
export async function planPosts(input: PlanPostsInput): Promise<{ summary: StaffingSummary; plan?: Plan; posts: Post[] }> {
  const { roster, mode, shelters, counters } = input;
  const callCentre = mode !== undefined && mode.level >= ModeLevel.MODE_LEVEL_ALERT;
  const posts = emergencyPosts(input.templates, { days: daysAround(input.now), from: input.now, shelters, callCentre, counters });
  const perShelter = new Map<string, number>();
  for (const post of posts) {
    const id = post.id.startsWith("shelter:") ? post.id.slice("shelter:".length, post.id.lastIndexOf("@")) : undefined;
    if (id) perShelter.set(id, (perShelter.get(id) ?? 0) + 1);
  }
  const summary: StaffingSummary = {
    mode,
    staff: roster.staff.length,
    posts: posts.length,
    positionsRequired: 0,
    positionsCovered: 0,
    shelters: shelters.map((s) => ({ facilityId: s.id, facilityName: s.name, ward: s.ward, posts: perShelter.get(s.id) ?? 0 })),
  };
  if (posts.length === 0) return { summary, posts };
  const level = (mode && levelName(mode.level)) ?? "normal";
  const current = (input.book?.inForce?.plan.assignments ?? []).map(({ staffId, postId, position, acknowledged }) => ({
    staffId,
    postId,
    position,
    acknowledged,
  }));
  const plan = await replan(
    { staff: roster.staff, departments: roster.departments, posts, level, current, ...input.served?.(new Set(posts.map((p) => p.id))) },
    input.solver,
  );
  return { summary: { ...summary, positionsRequired: plan.positionsRequired, positionsCovered: plan.positionsCovered }, plan, posts };
}
