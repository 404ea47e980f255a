import { FastifyInstance } from "fastify";
import { acknowledgeNotice, declineNotice, replaceOnPost } from "../app/answer-duty-notice";
import { DutyDesk } from "../app/ports";
import { readAcknowledgements } from "../app/read-acknowledgements";
import { readDutyRoster, readDutyRosterCsv } from "../app/read-duty-roster";
import { readStaffingCoverage } from "../app/read-staffing-coverage";
import { readStaffDuties } from "../app/read-staff-duties";
import { declareRoute, serve } from "../../../adapters/http/declared-routes";
import { declineBody, dutyAnswers, replacementBody } from "./schemas";

const officers = ["manager", "staffing_officer"] as const;
const noticeNotFound = "NOTICE_NOT_FOUND (also for anyone else's notice)";

export const staffDutyApi = {
  myDuties: declareRoute({
    method: "GET",
    url: "/api/v1/staff/me/duties",
    summary: "The caller's duty now and next, and their notices (token subject = staff id)",
    roles: ["staff"],
    responses: { 200: "duties and notices, newest first" },
    answers: { 200: dutyAnswers.duties },
    problems: { 404: "STAFF_NOT_FOUND" },
  }),
  duties: declareRoute({
    method: "GET",
    url: "/api/v1/staff/:id/duties",
    summary: "Any staff member's duty now and next, and their notices",
    roles: officers,
    responses: { 200: "duties and notices, newest first" },
    answers: { 200: dutyAnswers.duties },
    problems: { 404: "STAFF_NOT_FOUND" },
  }),
  acknowledge: declareRoute({
    method: "POST",
    url: "/api/v1/staff/me/notices/:id/ack",
    summary: "Acknowledge one of the caller's own notices",
    roles: ["staff"],
    responses: { 200: "the notice, acknowledged" },
    answers: { 200: dutyAnswers.acknowledged },
    problems: { 404: noticeNotFound, 409: "NOTICE_ALREADY_ANSWERED" },
  }),
  decline: declareRoute({
    method: "POST",
    url: "/api/v1/staff/me/notices/:id/decline",
    summary: "Decline one of the caller's own duties with a reason; that post is re-planned and the replacement named",
    roles: ["staff"],
    body: declineBody,
    responses: { 200: "the notice, declined, and the replacement (null when nobody fits)" },
    answers: { 200: dutyAnswers.declined },
    problems: { 404: noticeNotFound, 409: "NOTICE_ALREADY_ANSWERED or NOTICE_NOT_DECLINABLE" },
  }),
  replace: declareRoute({
    method: "POST",
    url: "/api/v1/staffing/replacements",
    summary:
      "Take someone off a post of the plan in force (no answer after the escalation, unreachable); the best qualified, free and rested replacement goes in and both are told",
    roles: officers,
    body: replacementBody,
    responses: { 200: "who was taken off and the replacement (null when nobody fits: the position stays open)" },
    answers: { 200: dutyAnswers.replaced },
    problems: { 404: "ASSIGNMENT_NOT_FOUND: the person is not on that post in the plan in force" },
  }),
  acknowledgements: declareRoute({
    method: "GET",
    url: "/api/v1/staffing/acknowledgements",
    summary: "How many duty notices are acknowledged, declined, pending and overdue, per home department",
    roles: officers,
    responses: { 200: "the counts" },
    answers: { 200: dutyAnswers.acknowledgements },
  }),
  coverage: declareRoute({
    method: "GET",
    url: "/api/v1/staffing/coverage",
    summary: "The plan in force now: coverage per post, ward and skill, and each department's floor margin",
    roles: officers,
    responses: { 200: "coverage and floors (planId null when no plan is in force)" },
    answers: { 200: dutyAnswers.coverage },
  }),
  roster: declareRoute({
    method: "GET",
    url: "/api/v1/staffing/roster",
    summary: "Each person with an emergency duty: their duty now and next, minutes served",
    roles: officers,
    responses: { 200: "the people, in roster order" },
    answers: { 200: dutyAnswers.roster },
  }),
  rosterCsv: declareRoute({
    method: "GET",
    url: "/api/v1/staffing/roster.csv",
    summary: "The duty roster as CSV (one row per person and duty, times in Asia/Tokyo, UTF-8 with BOM)",
    roles: officers,
    responses: { 200: "text/csv" },
  }),
};

/**
 * Staff read and answer their own duty notices: the token's subject is the staff id, so a notice
 * of anyone else is simply not found (404). Managers and staffing officers read anyone's duties,
 * the acknowledgement progress, the coverage of the plan in force and the duty roster.
 */
export function staffDutyRoutes(app: FastifyInstance, desk: DutyDesk) {
  serve(app, staffDutyApi.myDuties, async ({ request, caller: me }) => readStaffDuties(desk, me.subject, request.id));
  serve(app, staffDutyApi.duties, async ({ request, params }) => readStaffDuties(desk, params.id, request.id));
  serve(app, staffDutyApi.acknowledge, async ({ request, params, caller: me }) =>
    acknowledgeNotice(desk, me.subject, params.id, request.id),
  );
  serve(app, staffDutyApi.decline, async ({ request, params, body: { reason }, caller: me }) =>
    declineNotice(desk, me.subject, params.id, reason, request.id),
  );
  serve(app, staffDutyApi.replace, async ({ request, body, caller: officer }) =>
    replaceOnPost(desk, { staffId: body.staffId, postId: body.postId, reason: body.reason, replacedBy: officer.subject }, request.id),
  );
  serve(app, staffDutyApi.acknowledgements, async ({ request }) => readAcknowledgements(desk, request.id));
  serve(app, staffDutyApi.coverage, async ({ request }) => readStaffingCoverage(desk, request.id));
  serve(app, staffDutyApi.roster, async ({ request }) => readDutyRoster(desk, request.id));
  serve(app, staffDutyApi.rosterCsv, async ({ request, reply }) => {
    const csv = await readDutyRosterCsv(desk, request.id);
    return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="duty-roster.csv"').send(csv);
  });
}
