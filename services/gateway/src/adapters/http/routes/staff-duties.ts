import { FastifyInstance } from "fastify";
import { acknowledgeNotice, declineNotice, replaceOnPost } from "../../../app/answer-duty-notice";
import { DutyDesk } from "../../../app/ports";
import { readAcknowledgements } from "../../../app/read-acknowledgements";
import { readDutyRoster, readDutyRosterCsv } from "../../../app/read-duty-roster";
import { readStaffingCoverage } from "../../../app/read-staffing-coverage";
import { readStaffDuties } from "../../../app/read-staff-duties";
import { Authenticate } from "../declared-routes";
import { declineBody, parseBody, replacementBody } from "../schemas";

const officers = ["manager", "staffing_officer"] as const;

/**
 * Staff read and answer their own duty notices: the token's subject is the staff id, so a notice
 * of anyone else is simply not found (404). Managers and staffing officers read anyone's duties,
 * the acknowledgement progress, the coverage of the plan in force and the duty roster.
 */
export function staffDutyRoutes(app: FastifyInstance, desk: DutyDesk, authenticate: Authenticate) {
  app.get("/api/v1/staff/me/duties", async (request) => {
    const me = await authenticate(request, "staff");
    return readStaffDuties(desk, me.subject, request.id);
  });
  app.get<{ Params: { id: string } }>("/api/v1/staff/:id/duties", async (request) => {
    await authenticate(request, officers);
    return readStaffDuties(desk, request.params.id, request.id);
  });
  app.post<{ Params: { id: string } }>("/api/v1/staff/me/notices/:id/ack", async (request) => {
    const me = await authenticate(request, "staff");
    return acknowledgeNotice(desk, me.subject, request.params.id, request.id);
  });
  app.post<{ Params: { id: string } }>("/api/v1/staff/me/notices/:id/decline", async (request) => {
    const me = await authenticate(request, "staff");
    const { reason } = parseBody(declineBody, request.body);
    return declineNotice(desk, me.subject, request.params.id, reason, request.id);
  });
  app.post("/api/v1/staffing/replacements", async (request) => {
    const officer = await authenticate(request, officers);
    const body = parseBody(replacementBody, request.body);
    return replaceOnPost(
      desk,
      { staffId: body.staff_id, postId: body.post_id, reason: body.reason, replacedBy: officer.subject },
      request.id,
    );
  });
  app.get("/api/v1/staffing/acknowledgements", async (request) => {
    await authenticate(request, officers);
    return readAcknowledgements(desk, request.id);
  });
  app.get("/api/v1/staffing/coverage", async (request) => {
    await authenticate(request, officers);
    return readStaffingCoverage(desk, request.id);
  });
  app.get("/api/v1/staffing/roster", async (request) => {
    await authenticate(request, officers);
    return readDutyRoster(desk, request.id);
  });
  app.get("/api/v1/staffing/roster.csv", async (request, reply) => {
    await authenticate(request, officers);
    const csv = await readDutyRosterCsv(desk, request.id);
    return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="duty-roster.csv"').send(csv);
  });
}
