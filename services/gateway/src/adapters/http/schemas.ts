import { z } from "zod";
import {
  categories,
  crowdingNames,
  incidentNames,
  languages,
  residentLanguages,
  levelNames,
  serviceLevelNames,
  StateKey,
  shelterTerms,
  stateKeys,
  supplyNeedNames,
  supplyNeedTerms,
  useNames,
  wards,
} from "@crisis/platform/contracts";
import { errors } from "../../domain/errors";
import { acceptingOldSpellings } from "./old-spellings";
import { reportTableNames } from "../../areas/records/http/pages/incident-report-page";

export const declarationBody = z.strictObject({
  incident: z.enum(incidentNames),
  level: z.enum(levelNames),
  wards: z.array(z.enum(wards)).max(wards.length).default([]),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
});

export const subscriptionBody = z.strictObject({
  subscription: z.object({
    endpoint: z.string().max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: z.string().max(200), auth: z.string().max(100) }),
  }),
  topics: z.array(z.string().max(100)).min(1, "must name at least one topic").max(50),
  /** Any resident language; an unknown tag is refused with the field named, nothing stored. */
  lang: z.enum(residentLanguages).default("ja"),
});

export const auditQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().max(256).optional(),
  kind: z.string().max(128).optional(),
  facility: z.string().max(128).optional(),
  format: z.enum(["json", "csv"]).optional(),
  /** Records per page. */
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
  /** Where the page starts: the previous page's `next`. */
  after: z
    .string()
    .regex(/^\d{1,15}-\d{1,15}$/, "must be the `next` of the previous page")
    .optional(),
});

export const incidentReportQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  /** One table as CSV (RFC 4180). */
  table: z.enum(reportTableNames).optional(),
  format: z.enum(["json", "html"]).optional(),
  lang: z.enum(languages).default("ja"),
});

export const dailySummaryQuery = z.strictObject({
  /** The city date of the first sheet. */
  date: z.iso.date(),
  /** One sheet per day from `date`. */
  days: z.coerce.number().int().min(1).max(31).default(1),
  format: z.enum(["json", "html", "pdf"]).optional(),
  lang: z.enum(languages).default("ja"),
});

const seconds = z.number().nullable();
/** The after-action report (domain/incident-report.ts), as JSON. */
export const incidentReportAnswer = z.object({
  from: z.string(),
  to: z.string(),
  timeline: z.array(
    z.object({ at: z.string(), kind: z.string(), who: z.string(), why: z.string(), approver: z.string(), what: z.string() }),
  ),
  shelters: z.object({
    openPerWardPerDay: z.array(z.object({ day: z.string(), ward: z.string(), open: z.number().int() })),
    evacueesPerWardPerHour: z.array(
      z.object({ hour: z.string(), ward: z.string(), shelters: z.number().int(), evacuees: z.number().int() }),
    ),
  }),
  alerts: z.array(
    z.object({
      alertId: z.string(),
      title: z.string(),
      decidedAt: z.string(),
      issuedAt: z.string(),
      messages: z.number().int(),
      reached: z.number().int(),
      failed: z.number().int(),
      deliveryRate: z.number(),
      firstPushSeconds: seconds,
      p99PushSeconds: seconds,
    }),
  ),
  staff: z.object({
    reassigned: z.array(z.object({ department: z.string(), skill: z.string(), people: z.number().int() })),
    notices: z.number().int(),
    acknowledged: z.number().int(),
    declined: z.number().int(),
    ackRate: z.number(),
    medianAnswerSeconds: seconds,
    hoursServed: z.array(z.object({ department: z.string(), hours: z.number() })),
    floorsKept: z.array(z.object({ department: z.string(), skill: z.string(), broughtBack: z.number().int() })),
  }),
  counters: z.object({
    levels: z.array(z.object({ at: z.string(), serviceId: z.string(), serviceName: z.string(), level: z.string() })),
    waiting: z.array(
      z.object({
        serviceId: z.string(),
        serviceName: z.string(),
        reports: z.number().int(),
        latest: z.number(),
        max: z.number(),
        mean: z.number(),
      }),
    ),
  }),
});

const counterLevel = z.object({ at: z.string(), serviceId: z.string(), serviceName: z.string(), level: z.string() });
/** The HQ meeting's daily figure sheets (domain/daily-summary.ts), as JSON. */
export const dailySummaryAnswer = z.object({
  sheets: z.array(
    z.object({
      date: z.string(),
      from: z.string(),
      asOf: z.string(),
      wards: z.array(
        z.object({
          ward: z.string(),
          sheltersOpen: z.number().int(),
          evacuees: z.number().int(),
          peakEvacuees: z.number().int(),
        }),
      ),
      totals: z.object({
        sheltersOpen: z.number().int(),
        evacuees: z.number().int(),
        peakEvacuees: z.number().int(),
        staffDeployed: z.number().int(),
        staffHours: z.number(),
      }),
      staff: z.array(z.object({ department: z.string(), people: z.number().int(), hours: z.number() })),
      answers: z.object({
        notices: z.number().int(),
        acknowledged: z.number().int(),
        declined: z.number().int(),
        ackRate: z.number(),
        medianAnswerSeconds: seconds,
      }),
      alerts: z.object({ alerts: z.number().int(), messages: z.number().int(), reached: z.number().int(), deliveryRate: z.number() }),
      decisions: incidentReportAnswer.shape.timeline,
      counters: z.object({ levels: z.array(counterLevel), waiting: incidentReportAnswer.shape.counters.shape.waiting }),
    }),
  ),
});

/** Answers, described with the same schemas the API document publishes (and tests check real answers against). */
const modeView = z.object({
  incident: z.string().nullable(),
  level: z.string(),
  wards: z.array(z.string()),
  reason: z.string(),
  declaredBy: z.string().nullable(),
  declaredAt: z.string().nullable(),
});
const useAnswer = z.enum(useNames).nullable();
const shelterAnswer = z.enum(Object.keys(shelterTerms) as [keyof typeof shelterTerms]).nullable();
const serviceLevelAnswer = z.enum(serviceLevelNames).nullable();
/** What a declaration would change (domain/mode-preview.ts), in the API's words. */
const modePreview = z.object({
  facilities: z.array(
    z.object({
      facilityId: z.string(),
      facilityName: z.string(),
      category: z.string(),
      ward: z.string(),
      useBefore: useAnswer,
      useAfter: useAnswer,
      shelterBefore: shelterAnswer.describe("null: not a designated shelter"),
      shelterAfter: shelterAnswer,
      reason: z.string(),
    }),
  ),
  services: z.array(
    z.object({
      serviceId: z.string(),
      serviceName: z.string(),
      channel: z.string(),
      levelBefore: serviceLevelAnswer,
      levelAfter: serviceLevelAnswer,
      reason: z.string(),
    }),
  ),
  kept: z.array(
    z.object({ facilityId: z.string(), facilityName: z.string(), what: z.string(), decidedBy: z.string(), reason: z.string() }),
  ),
  changesByWard: z.record(z.string(), z.number().int()),
  changesByCategory: z.record(z.string(), z.number().int()),
});
export const answers = {
  deadLetters: z.object({
    waiting: z.number().int(),
    byConsumer: z.record(z.string(), z.number().int()),
    letters: z.array(
      z.object({
        seq: z.number().int(),
        parkedAt: z.string(),
        durable: z.string(),
        subject: z.string(),
        stream: z.string(),
        sequence: z.number().int(),
        reason: z.string(),
        attempts: z.number().int(),
        correlationId: z.string().optional(),
      }),
    ),
  }),
  currentMode: modeView.extend({ eventId: z.string().nullable(), sequence: z.number().int() }),
  declared: z.object({
    eventId: z.string(),
    sequence: z.number().int(),
    previousLevel: z.string(),
    mode: modeView,
    approvedBy: z.string().optional(),
  }),
  pending: z.object({
    pendingId: z.string(),
    declaration: z.object({ incident: z.string(), level: z.string(), wards: z.array(z.string()), reason: z.string() }),
    declaredBy: z.string(),
    requestedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    preview: modePreview,
    closed: z.object({ as: z.enum(["rejected", "withdrawn"]), by: z.string(), at: z.iso.datetime(), reason: z.string() }).optional(),
  }),
  audit: z.object({
    records: z.array(
      z.object({
        id: z.string(),
        at: z.iso.datetime(),
        actor: z.string(),
        actorRoles: z.array(z.string()),
        kind: z.string(),
        what: z.string(),
        why: z.string(),
        correlationId: z.string(),
        preview: z.string(),
        approver: z.string(),
        facilityIds: z.array(z.string()),
        method: z.string(),
        path: z.string(),
        status: z.number().int(),
      }),
    ),
    /** The cursor of the next page (pass as `after`); null on the last page. */
    next: z.string().nullable(),
  }),
};

/** A time shown in Asia/Tokyo (+09:00), or null when there is none. */
const tokyoTime = z.string().nullable();
const source = z.enum(["playbook", "manual", "schedule"]).nullable();
const restrictionView = z.object({
  id: z.string(),
  kind: z.string(),
  reason: z.string(),
  source,
  author: z.string(),
  startsAt: tokyoTime,
  endsAt: tokyoTime,
  endedAt: tokyoTime,
  endedBy: z.string().nullable(),
  hours: z.string().nullable(),
  capacity: z.number().int().nullable(),
  parts: z.array(z.string()),
});
/** What the registry says of a facility, in every view of one. */
const registryEntry = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  ward: z.string(),
  address: z.string(),
  designatedShelter: z.boolean(),
});
/** The one reading of a facility's state (readFacilityState): what a person is told first, and why. */
const reading = z.object({
  state: z.enum(stateKeys as [StateKey, ...StateKey[]]),
  shelterFirst: z.boolean(),
  shelter: z.string().nullable(),
  use: z.string().nullable(),
  reasons: z.array(z.string()),
  since: z.string().nullable(),
});
const facilityView = registryEntry.extend({
  nameEn: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  hours: z.string().nullable(),
  capacity: z.number().int().nullable(),
  canShelter: z.boolean(),
  ids: z.object({ portal: z.string().nullable(), gsi: z.string().nullable(), city: z.string().nullable() }),
  use: z.string(),
  shelter: z.string().nullable(),
  status: z.string(),
  reasons: z.array(z.string()),
  statusSince: tokyoTime,
  reading,
});
const facilityDetail = facilityView.extend({
  restrictions: z.array(restrictionView),
  history: z.array(z.object({ at: tokyoTime, what: z.string(), by: z.string(), reason: z.string(), source })),
});
const serviceView = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  channels: z.array(
    z.object({ channel: z.string(), level: z.string(), reason: z.string().nullable(), startsAt: tokyoTime, endsAt: tokyoTime, source }),
  ),
});
const counts = z.record(z.string(), z.number().int());
/** A counter's latest waiting figure (null: none reported). */
const withWaiting = serviceView.extend({
  waiting: z
    .object({
      waiting: z.number().int().nullable(),
      nextFreeSlot: tokyoTime,
      reportedAt: tokyoTime,
      ageSeconds: z.number().int(),
      stale: z.boolean(),
    })
    .nullable(),
});

/** A counter's usual wait in one hour of the week, city time (weekday 0 is Sunday). */
const expectedHour = z.object({
  weekday: z.number().int().min(0).max(6),
  hour: z.number().int().min(0).max(23),
  expected: z.number(),
  samples: z.number().int(),
});

/** The answers of the routes that read from or write to the other services, and the status. */
export const serviceAnswers = {
  health: z.object({ status: z.literal("ok") }),
  ready: z.object({ ready: z.boolean(), checks: z.record(z.string(), z.boolean()) }),
  preview: z.object({ mode: modeView, preview: modePreview }),
  status: z.object({
    mode: modeView,
    summary: counts,
    sheltersOpen: z.object({ total: z.number().int(), byWard: counts }),
    services: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        channel: z.string(),
        level: z.string(),
        reason: z.string(),
        since: z.string().nullable(),
        until: z.string().nullable(),
        wards: z.array(z.string()),
      }),
    ),
    facilities: z.array(
      registryEntry.extend({
        status: z.string(),
        statusReason: z.string(),
        statusSince: z.string().nullable(),
        use: z.string().nullable(),
        shelter: z.string().nullable(),
        reasons: z.array(z.string()),
        latitude: z.number(),
        longitude: z.number(),
        reading,
      }),
    ),
  }),
  publicKey: z.object({ publicKey: z.string() }),
  subscribed: z.object({ id: z.string(), unsubscribeToken: z.string() }),
  facilities: z.object({ total: z.number().int(), nextCursor: z.string().nullable(), facilities: z.array(facilityView) }),
  facility: facilityDetail,
  restricted: restrictionView.extend({ facility: facilityView }),
  corrected: z.object({ fields: z.array(z.string()), facility: facilityView }),
  shelter: z.object({
    id: z.string(),
    name: z.string(),
    ward: z.string(),
    state: z.string().nullable(),
    status: z.string(),
    reasons: z.array(z.string()),
    reading,
    changed: z.boolean(),
  }),
  services: z.object({ services: z.array(withWaiting) }),
  counterService: withWaiting,
  expectedWaiting: z.object({
    serviceId: z.string(),
    serviceName: z.string(),
    hours: z.array(expectedHour),
    quiet: z.array(expectedHour),
    samples: z.number().int(),
  }),
  service: serviceView.extend({ changed: z.boolean() }),
  alertReport: z.object({
    alertId: z.string(),
    queued: z.number().int(),
    accepted: z.number().int(),
    gone: z.number().int(),
    failed: z.number().int(),
    expired: z.number().int(),
    pending: z.number().int(),
  }),
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

const zoned = z.iso.datetime({ offset: true, message: "must be an RFC 3339 time with a zone, e.g. 2026-07-29T09:00:00+09:00" });
const inJapan = (min: number, max: number) => z.number().min(min, "is not in Japan").max(max, "is not in Japan");

export const facilityListQuery = z.strictObject({
  ward: z.enum(wards).optional(),
  category: z.enum(categories).optional(),
  use: z.enum(useNames).optional(),
  shelter: z.enum(Object.keys(shelterTerms) as [keyof typeof shelterTerms]).optional(),
  near: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, "must be <lat>,<lon>")
    .transform((s) => s.split(",").map(Number) as [number, number])
    .refine(([lat, lon]) => lat >= 20 && lat <= 46 && lon >= 122 && lon <= 154, "is not a place in Japan")
    .optional(),
  radiusM: z.coerce.number().positive().max(50_000).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const restrictionBody = z.strictObject({
  kind: z.enum(useNames.filter((u) => u !== "open") as [string, ...string[]]),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
  startsAt: zoned.optional(),
  endsAt: zoned.optional(),
  hours: z.string().max(200).optional(),
  capacity: z.number().int().positive().optional(),
  parts: z.array(z.string().min(1).max(100)).max(50).optional(),
});

export const correctionBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    nameEn: z.string().trim().max(200).optional(),
    address: z.string().trim().min(1).max(300).optional(),
    latitude: inJapan(20, 46).optional(),
    longitude: inJapan(122, 154).optional(),
    hours: z.string().max(300).optional(),
    capacity: z.number().int().positive().max(100_000).optional(),
    reason: z.string().trim().max(500).default(""),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "reason"), "name, nameEn, address, latitude, longitude, hours or capacity is required");

export const serviceLevelBody = z.strictObject({
  level: z.enum(serviceLevelNames),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
  startsAt: zoned.optional(),
  endsAt: zoned.optional(),
});

export const shelterBody = z.strictObject({
  state: z.enum(["open", "closed"]),
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
});

const supply = z.enum(supplyNeedNames).transform((n) => supplyNeedTerms[n].value);
const persons = z.number().int("must be a whole number").min(0, "must be 0 or more").max(100_000);

/** An occupancy report from a shelter: supplies as enough/short/out, people and animals as counts. */
export const occupancyBody = acceptingOldSpellings(
  z.strictObject({
    headcount: persons,
    needs: z
      .strictObject({
        water: supply.optional(),
        food: supply.optional(),
        blankets: supply.optional(),
        medical: persons.optional(),
        pets: persons.optional(),
        welfareSpace: persons.optional(),
      })
      .default({}),
  }),
  { "needs.welfare_space": "needs.welfareSpace" },
);

export const shelterListQuery = z.strictObject({ ward: z.enum(wards).optional() });

export const occupancyHistoryQuery = z.strictObject({
  ward: z.enum(wards).optional(),
  facility: z.string().min(1).max(128).optional(),
  /** report: one row per report; hour: per ward and hour, the shelters' latest headcounts and known capacities. */
  by: z.enum(["report", "hour"]).default("report"),
});

const coordinate = (min: number, max: number) =>
  z.coerce.number({ message: "must be a number" }).min(min, "is not in Japan").max(max, "is not in Japan");

export const nearestQuery = z.strictObject({
  lat: coordinate(20, 46),
  lon: coordinate(122, 154),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

/** A counter's waiting figure: people waiting, or the next free slot when it takes reservations only. */
export const waitingBody = acceptingOldSpellings(
  z
    .strictObject({
      waiting: z.number().int("must be a whole number").min(0, "must be 0 or more").max(10_000).optional(),
      nextFreeSlot: z.iso.datetime({ offset: true, message: "must be an RFC 3339 time with a zone" }).optional(),
    })
    .refine((b) => (b.waiting === undefined) !== (b.nextFreeSlot === undefined), {
      message: "give either waiting (people) or nextFreeSlot (a reservation-only counter), not both",
      path: ["waiting"],
    }),
  { next_free_slot: "nextFreeSlot" },
);

/** Parses a body; the first problem becomes a 422 BODY_INVALID naming the field (e.g. subscription.keys.auth). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  return parseWith(schema, body, errors.bodyInvalid);
}

/** Parses a query string's parameters; the first problem becomes a 422 QUERY_INVALID naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  return parseWith(schema, query, errors.queryInvalid);
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, invalid: (field: string, problem: string) => Error): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.reduce<string>(
    (path, part) => (typeof part === "number" ? `${path}[${part}]` : path ? `${path}.${String(part)}` : String(part)),
    "",
  );
  const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : undefined;
  throw invalid(unknownKeys ?? (field || "body"), issue.message);
}

/** A staff member's reason for declining a duty notice. */
export const declineBody = z.strictObject({
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
});

/** An approver says no to a pending declaration: the declarer is told why. */
export const rejectionBody = z.strictObject({
  reason: z.string().trim().min(1, "must say why (1–500 characters)").max(500),
});

/** A declarer takes their own pending declaration back; saying why is welcome, not required. */
export const withdrawalBody = z.strictObject({
  reason: z.string().trim().max(500).default(""),
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

/** The crowding routes' answers (domain/crowding-view.ts). */
const levelFields = { level: z.enum(crowdingNames), levelJa: z.string(), levelEn: z.string() };
const supplyAnswer = z.enum(supplyNeedNames).nullable();
const shelterCrowdingAnswer = z.object({
  id: z.string(),
  name: z.string(),
  ward: z.string(),
  open: z.boolean(),
  capacity: z.number().int().nullable(),
  ...levelFields,
  latest: z
    .object({
      headcount: z.number().int(),
      needs: z.object({
        water: supplyAnswer,
        food: supplyAnswer,
        blankets: supplyAnswer,
        medical: z.number().int(),
        pets: z.number().int(),
        welfareSpace: z.number().int(),
      }),
      reportedAt: z.string().nullable(),
      ageSeconds: z.number().int(),
      stale: z.boolean(),
    })
    .nullable(),
  link: z.string(),
});
export const crowdingAnswers = {
  shelter: shelterCrowdingAnswer,
  reported: z.object({
    shelter: shelterCrowdingAnswer,
    changed: z.object({ from: z.enum(crowdingNames), to: z.enum(crowdingNames) }).nullable(),
  }),
  list: z.object({
    shelters: z.array(shelterCrowdingAnswer),
    wards: z.array(
      z.object({
        ward: z.string(),
        openShelters: z.number().int(),
        levels: z.object({ open: z.number(), busy: z.number(), crowded: z.number(), full: z.number(), unknown: z.number() }),
        headcount: z.number().int(),
        capacityKnown: z.number().int(),
      }),
    ),
  }),
  nearest: z.object({
    shelters: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        ward: z.string(),
        distanceM: z.number().int(),
        ...levelFields,
        room: z.number().int(),
        latitude: z.number(),
        longitude: z.number(),
        link: z.string(),
      }),
    ),
  }),
};
