import type { Clock, Logger } from "@crisis/platform/ports";
import type { Mode } from "@crisis/platform/contracts";
import type { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { ExtendedCounters, OpenShelters, shiftsPlannedAt, type ExtendedCounter, type OpenShelter, type PostTemplates } from "../domain";
import { planPosts, type StaffingSummary } from "./plan-posts";
import type { LinearProgramSolver, Roster } from "./ports";

export interface PlanInputs {
  readonly mode: Mode | undefined;
  readonly shelters: readonly OpenShelter[];
  readonly counters: readonly ExtendedCounter[];
  /** The shifts staffed, e.g. 2026-07-28-evening: a plan made before a shift ended is out of date. */
  readonly shifts: readonly string[];
}

export interface PostPlannerDeps {
  readonly roster: Roster;
  readonly templates: PostTemplates;
  readonly solver: LinearProgramSolver;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Duty each person served so far, read when a plan is made (rest rule, load spread). */
  readonly served?: Parameters<typeof planPosts>[0]["served"];
  /** How long to wait after a change before planning, so that a burst of events makes one plan. */
  readonly settleMs?: number;
  /** Called once a plan includes every change so far (nothing pending). */
  readonly onSettled?: () => Promise<void>;
}

/**
 * Keeps the plan in step with the mode in force, the shelters facilities published as open
 * and the counter services published at the extended level. A declaration opens hundreds of shelters one event at a time: changes that arrive
 * while a plan is being made are folded into the next plan, so the work is one plan behind at
 * most, never one plan per event.
 */
export class PostPlanner {
  private mode: Mode | undefined;
  private readonly shelters = new OpenShelters();
  private readonly counters = new ExtendedCounters();
  private summary: StaffingSummary;
  private pending = false;
  private plannedShifts = "";
  private running: Promise<void> | undefined;

  constructor(private readonly deps: PostPlannerDeps) {
    this.summary = { staff: deps.roster.staff.length, posts: 0, positionsRequired: 0, positionsCovered: 0, shelters: [] };
  }

  /** Applies a stored event without planning: for replays at start, before `replan()`. */
  restoreShelter(event: FacilityStatusChanged): void {
    this.shelters.apply(event);
  }

  restoreCounter(event: ServiceLevelChanged): void {
    this.counters.apply(event);
  }

  restoreMode(mode: Mode | undefined): void {
    this.mode = mode;
  }

  /**
   * The event handlers do not wait for the plan: the state is rebuilt from the streams at
   * start, so an event is done once applied, and the plan follows.
   */
  modeChanged(mode: Mode | undefined): void {
    this.mode = mode;
    void this.replan();
  }

  shelterChanged(event: FacilityStatusChanged): void {
    if (this.shelters.apply(event)) void this.replan();
  }

  serviceLevelChanged(event: ServiceLevelChanged): void {
    if (this.counters.apply(event)) void this.replan();
  }

  /** Resolves once no plan is being made or waiting. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /** What plans are made from right now: the mode, the open shelters, the extended counters and the shifts ahead. */
  inputs(): PlanInputs {
    return {
      mode: this.mode,
      shelters: this.shelters.list(),
      counters: this.counters.list(),
      shifts: shiftsPlannedAt(this.deps.templates, this.deps.clock.now()),
    };
  }

  /**
   * Called every minute: once a shift has ended, the next one enters the day planned ahead and
   * its posts are planned (and applied by itself, or proposed for review, as after any change).
   */
  rollForward(): Promise<void> | undefined {
    const shifts = shiftsPlannedAt(this.deps.templates, this.deps.clock.now()).join();
    if (shifts === this.plannedShifts) return undefined;
    return this.replan();
  }

  current(): StaffingSummary {
    return this.summary;
  }

  /** Plans again soon; resolves once a plan that includes every change so far is in place. */
  replan(): Promise<void> {
    this.pending = true;
    this.running ??= this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  private async loop(): Promise<void> {
    while (this.pending) {
      // Let the rest of a burst land first (a declaration opens hundreds of shelters in a second);
      // what arrives meanwhile joins this plan instead of causing the next one.
      if (this.deps.settleMs) await new Promise((resolve) => setTimeout(resolve, this.deps.settleMs));
      this.pending = false;
      const shelters = this.shelters.list();
      const counters = this.counters.list();
      const now = this.deps.clock.now();
      this.plannedShifts = shiftsPlannedAt(this.deps.templates, now).join();
      try {
        const { summary } = await planPosts({ ...this.deps, mode: this.mode, shelters, counters, now });
        this.summary = summary;
        this.deps.logger.info(
          {
            shelters: shelters.length,
            counters: counters.length,
            posts: summary.posts,
            required: summary.positionsRequired,
            covered: summary.positionsCovered,
          },
          "emergency posts planned",
        );
      } catch (err) {
        this.deps.logger.error({ err }, "planning emergency posts failed; the previous plan stays");
      }
      if (!this.pending && this.deps.onSettled) {
        await this.deps.onSettled().catch((err) => this.deps.logger.error({ err }, "after planning: failed"));
      }
    }
  }
}
