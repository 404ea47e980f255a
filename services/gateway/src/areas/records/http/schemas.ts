import { z } from "zod";
import { languages } from "@crisis/platform/contracts";
import { reportTableNames } from "./pages/incident-report-page";

/** The records area's request and answer schemas (the API document and the tests use them too). */

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

/** The dead letters' and the audit trail's answers. */
export const recordAnswers = {
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
