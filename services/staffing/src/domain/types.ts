import { type LevelName, type Ward, wards as WARDS } from "@crisis/platform/contracts";

export { WARDS, type LevelName, type Ward };

/**
 * A skill as staff and managers name it: 保健師, 看護師, 事務, 手話, 運転, 避難所運営研修,
 * or an interpreter language written `通訳:英語`, `通訳:中国語`, …
 */
export type Skill = string;

/** A stretch of time, start inclusive, end exclusive. */
export interface Period {
  readonly start: Date;
  readonly end: Date;
}

export interface StaffMember {
  readonly id: string;
  readonly name: string;
  /** Id of the home department. */
  readonly department: string;
  /** Ward the person lives in. */
  readonly ward: Ward;
  readonly skills: readonly Skill[];
  readonly canWorkNights: boolean;
  /** Part-time limit: hours the person may work on emergency posts within one plan. */
  readonly maxHours?: number;
  readonly unavailable: readonly Period[];
  /**
   * False for people whose work cannot be done from home (counters, clinics, vehicles): on
   * their team's home days they stand by instead of working. Absent means they can.
   */
  readonly canWorkFromHome?: boolean;
  /** True for people made up by the synthetic city generator. */
  readonly fictional?: boolean;
  /** A phone number to reach the person on duty (the roster's optional `phone` column). */
  readonly phone?: string;
}

/** What a department must keep at its desks for ordinary work. */
export interface ContinuityFloor {
  readonly headcount: number;
  /** Minimum people holding a skill, e.g. { 保健師: 4 } for a health centre. */
  readonly skills?: Readonly<Record<Skill, number>>;
}

export interface Department {
  readonly id: string;
  readonly name: string;
  /**
   * Floors per mode level (注意体制, 警戒体制, 緊急体制 …; higher levels usually allow lower floors).
   * A level with no floor means the department releases no one at that level.
   */
  readonly floors: Readonly<Partial<Record<LevelName, ContinuityFloor>>>;
}

/** A group of identical positions on a post: `count` people, each holding all `skills`. */
export interface PositionNeed {
  readonly skills: readonly Skill[];
  readonly count: number;
}

/** One shift of one emergency post (a shelter, a call centre, a り災証明 counter). */
export interface Post {
  readonly id: string;
  readonly place: string;
  readonly ward: Ward;
  readonly duty: string;
  readonly start: Date;
  readonly end: Date;
  readonly positions: readonly PositionNeed[];
  /** Set on a shelter's post: the shelter's facility id (events carry it; readers do not parse the post id). */
  readonly facilityId?: string;
  /** Set on a counter's post: the counter service's id. */
  readonly serviceId?: string;
  /** Where to go, when the place is known (a shelter's address and position). */
  readonly address?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  /** What to bring, from the post's template. */
  readonly bring?: readonly string[];
}

/** A person on a position; `position` indexes the post's positions expanded one by one. */
export interface Assignment {
  readonly staffId: string;
  readonly postId: string;
  readonly position: number;
  readonly acknowledged: boolean;
}

export interface PlanRequest {
  readonly staff: readonly StaffMember[];
  readonly departments: readonly Department[];
  readonly posts: readonly Post[];
  /** The mode level in force, which picks each department's floor. */
  readonly level: LevelName;
  /**
   * Minutes each person has served on emergency duty so far (the duties side records them):
   * of alike people, those who served least are drawn first, so the same people are not sent
   * every day.
   */
  readonly minutesOnDuty?: ReadonlyMap<string, number>;
  /** When each person's last emergency duty ended: the rest rule counts from it. */
  readonly lastDutyEnd?: ReadonlyMap<string, Date>;
}

export interface ReplanRequest extends PlanRequest {
  /** The assignments in force; acknowledged ones are kept whenever the person can still serve. */
  readonly current: readonly Assignment[];
}

/** How an assignment relates to the plan in force before a re-plan. */
export type AssignmentOrigin = "acknowledged" | "kept" | "new";

export interface PlannedAssignment extends Assignment {
  readonly origin: AssignmentOrigin;
  /** Why this person, in plain words. */
  readonly explanation: string;
}

export interface UncoveredPosition {
  readonly postId: string;
  readonly position: number;
  readonly skills: readonly Skill[];
  /** Why no one, in plain words. */
  readonly explanation: string;
}

export interface Plan {
  readonly assignments: readonly PlannedAssignment[];
  readonly uncovered: readonly UncoveredPosition[];
  readonly positionsRequired: number;
  readonly positionsCovered: number;
  /**
   * No plan can cover more: the linear relaxation's optimum, rounded down. A plan whose
   * coverage equals it is proven optimal.
   */
  readonly upperBound: number;
  /** Current assignments that the plan no longer contains, with the reason. */
  readonly released: readonly Released[];
}

/** An assignment in force that a re-plan gives up, and why. */
export interface Released {
  readonly assignment: Assignment;
  /** Why, in plain words. */
  readonly reason: string;
  /**
   * Set when the person goes back because their department fell to its floor (floors outrank
   * even acknowledged assignments): which floor, so the person and the post can be told in
   * their own language.
   */
  readonly floor?: { readonly department: string; readonly departmentName: string; readonly skill?: Skill; readonly minimum: number };
  /** Set when nothing forced it: the person is moved only so that more positions are covered (a reviewer may keep them). */
  readonly optional?: boolean;
}
