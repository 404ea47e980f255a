import { z } from "zod";
import { acceptingOldSpellings } from "../../../adapters/http/old-spellings";
import { modeView } from "../../../adapters/http/schema-parts";

/** The staffing area's request and answer schemas (the API document and the tests use them too). */

/** A staff member's reason for declining a duty notice. */
export const declineBody = z.strictObject({
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
});

/** An officer takes someone off a post of the plan in force; the best replacement goes in. */
export const replacementBody = acceptingOldSpellings(
  z.strictObject({
    staffId: z.string().trim().min(1).max(64),
    postId: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
  }),
  { staff_id: "staffId", post_id: "postId" },
);

const teamSetting = z.strictObject({
  teams: z.union([z.literal(2), z.literal(3)], "must be 2 or 3"),
  unit: z.enum(["day", "week"]).default("day"),
  /** What one team alone must keep; absent: the department's floor at the level in force. */
  headcount: z.number().int().min(0).max(100_000).optional(),
  skills: z.record(z.string().trim().min(1).max(50), z.number().int().min(0).max(100_000)).optional(),
});

/** A team plan: a setting per department, or one for every department (`everyDepartment`). */
export const teamPlanBody = acceptingOldSpellings(
  z
    .strictObject({
      departments: z
        .array(teamSetting.extend({ department: z.string().trim().min(1).max(100) }))
        .max(1000)
        .default([]),
      everyDepartment: teamSetting.optional(),
      firstDay: z.iso.date("must be a date, YYYY-MM-DD"),
      apply: z.boolean().default(false),
    })
    .refine((b) => b.departments.length > 0 || b.everyDepartment, {
      message: "name at least one department, or everyDepartment",
      path: ["departments"],
    }),
  { every_department: "everyDepartment", first_day: "firstDay" },
);

export const teamOutBody = z.strictObject({
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
  until: z.iso.datetime({ offset: true, message: "must be a time with its offset, e.g. 2026-08-04T09:00:00+09:00" }),
});

const margin = z.object({ skill: z.string().nullable(), minimum: z.number(), have: z.number(), margin: z.number() });

const out = z.object({ until: z.string(), reason: z.string() }).nullable();

/** The continuity team answers (app/staffing-teams.ts), as JSON. */
export const teamAnswers = {
  plan: z.object({
    applied: z.boolean(),
    firstDay: z.string(),
    moves: z.number(),
    departments: z.array(
      z.object({
        department: z.string(),
        name: z.string(),
        unit: z.string(),
        moves: z.number(),
        teams: z.array(
          z.object({
            id: z.string(),
            letter: z.string(),
            size: z.number(),
            atDesk: z.number(),
            margins: z.array(margin),
            staffIds: z.array(z.string()),
          }),
        ),
      }),
    ),
    short: z.array(
      z.object({
        department: z.string(),
        skill: z.string().nullable(),
        minimum: z.number(),
        needed: z.number(),
        available: z.number(),
        short: z.number(),
        explanation: z.string(),
      }),
    ),
  }),
  out: z.object({
    teamId: z.string(),
    until: z.string(),
    shortFloors: z.array(z.string()),
    postsReplaced: z.number(),
    postsOpen: z.number(),
  }),
  ended: z.object({ teamId: z.string(), ended: z.boolean() }),
  rotas: z.object({
    today: z.string(),
    departments: z.array(
      z.object({
        department: z.string(),
        name: z.string(),
        unit: z.string(),
        firstDay: z.string(),
        floorsMet: z.boolean(),
        shortFloors: z.array(z.string()),
        today: z.object({ office: z.number(), home: z.number(), out: z.number() }),
        teams: z.array(
          z.object({
            id: z.string(),
            letter: z.string(),
            size: z.number(),
            atDesk: z.number(),
            officeToday: z.boolean(),
            out,
            margins: z.array(margin),
          }),
        ),
        days: z.array(z.object({ date: z.string(), officeTeam: z.string().nullable(), outTeams: z.array(z.string()) })),
      }),
    ),
  }),
  mine: z.object({
    team: z
      .object({
        id: z.string(),
        letter: z.string(),
        department: z.string(),
        departmentName: z.string(),
        out,
        officeDays: z.array(z.string()),
      })
      .nullable(),
  }),
};

export const teamsQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(92).default(14),
});

const duty = z.object({
  postId: z.string(),
  postName: z.string(),
  facilityId: z.string(),
  facilityName: z.string(),
  ward: z.string(),
  duty: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  reportTo: z.string(),
  reportToPhone: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  bring: z.array(z.string()).describe("what to bring, from the post's template"),
});

const notice = z.object({
  id: z.string(),
  kind: z.enum(["reassigned", "released", "reminder", "returned", "team"]),
  duty: duty.nullable(),
  sentAt: z.iso.datetime(),
  state: z.enum(["pending", "acknowledged", "declined"]),
  answeredAt: z.iso.datetime().optional(),
  reason: z.string().optional(),
});

const tally = z.object({
  total: z.number().int(),
  acknowledged: z.number().int(),
  declined: z.number().int(),
  pending: z.number().int(),
  overdue: z.number().int(),
});

const covered = z.object({ key: z.string(), required: z.number().int(), covered: z.number().int() });

/** The staff page's and the console's answers about duties. */
export const dutyAnswers = {
  duties: z.object({ staffId: z.string(), name: z.string(), current: duty.nullable(), next: duty.nullable(), notices: z.array(notice) }),
  acknowledged: z.object({ notice }),
  declined: z.object({ notice, replacement: z.object({ staffId: z.string(), name: z.string() }).nullable() }),
  replaced: z.object({
    staffId: z.string(),
    postId: z.string(),
    replacement: z.object({ staffId: z.string(), name: z.string() }).nullable(),
  }),
  acknowledgements: tally.extend({
    byDepartment: z.array(tally.extend({ department: z.string(), departmentName: z.string().describe("as the roster names it") })),
    unanswered: z.array(
      z.object({
        staffId: z.string(),
        name: z.string(),
        department: z.string(),
        postId: z.string(),
        place: z.string(),
        duty: z.string(),
        startsAt: z.string(),
        sentAt: z.string(),
        overdue: z.boolean(),
        escalated: z.boolean(),
      }),
    ),
  }),
  roster: z.object({
    staff: z.array(
      z.object({
        staffId: z.string(),
        name: z.string(),
        department: z.string(),
        current: duty.nullable(),
        next: duty.nullable(),
        state: z.string(),
        minutesOnDuty: z.number().int(),
      }),
    ),
  }),
  coverage: z.object({
    planId: z.string().nullable(),
    positionsRequired: z.number().int(),
    positionsCovered: z.number().int(),
    coverage: z.object({ perPost: z.array(covered), perWard: z.array(covered), perSkill: z.array(covered) }),
    floors: z.array(
      z.object({
        department: z.string(),
        departmentName: z.string(),
        floor: z.number().int(),
        present: z.number().int(),
        released: z.number().int(),
        margin: z.number().int(),
        heldBack: z
          .array(z.object({ staffId: z.string(), name: z.string() }))
          .describe("when the floor binds: whom it keeps at their desks"),
      }),
    ),
  }),
};

/** The staffing summary's and plans' answers. */
export const staffingAnswers = {
  staffingSummary: z.object({
    mode: modeView,
    staff: z.number().int(),
    posts: z.number().int(),
    positionsRequired: z.number().int(),
    positionsCovered: z.number().int(),
    shelters: z.array(z.object({ id: z.string(), name: z.string(), ward: z.string(), posts: z.number().int() })),
  }),
  staffingPlan: z.object({
    id: z.string(),
    proposedAt: z.string(),
    positionsRequired: z.number().int(),
    positionsCovered: z.number().int(),
    upperBound: z.number().int(),
    coverage: z.object({ perPost: z.array(z.unknown()), perWard: z.array(z.unknown()), perSkill: z.array(z.unknown()) }),
    floors: z.array(z.unknown()),
    openPositions: z.array(z.unknown()),
    changes: z.array(
      z.object({
        staffId: z.string(),
        name: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        fromName: z.string().nullable(),
        toName: z.string().nullable(),
        forced: z
          .boolean()
          .describe("false: nothing forced the move; the person leaves a post in force only so that more positions are covered"),
        why: z.string(),
      }),
    ),
  }),
  planApplied: z.object({ id: z.string(), reassigned: z.number().int(), released: z.number().int(), alreadyApplied: z.boolean() }),
};
