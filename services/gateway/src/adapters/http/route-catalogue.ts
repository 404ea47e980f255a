import { z } from "zod";
import { roles } from "../auth/tokens";
import {
  correctionBody,
  crowdingAnswers,
  facilityListQuery,
  nearestQuery,
  occupancyBody,
  waitingBody,
  occupancyHistoryQuery,
  restrictionBody,
  serviceAnswers,
  serviceLevelBody,
  shelterBody,
  shelterListQuery,
  subscriptionBody,
} from "./schemas";
import { counterOperations } from "./counter-operations";
import { DeclaredRoute, RouteDeclaration } from "./declared-routes";
import { alertApi } from "./routes/alerts";
import { auditApi } from "./routes/audit";
import { deadLetterApi } from "./routes/dead-letters";
import { modeApi } from "./routes/mode";
import { reportApi } from "./routes/reports";
import { staffDutyApi } from "./routes/staff-duties";
import { staffingApi } from "./routes/staffing";
import { staffingPlanApi } from "./routes/staffing-plans";
import { staffingTeamApi } from "./routes/staffing-teams";

/** A route's description in the API document: its declaration without method and URL. */
export type Operation = Omit<RouteDeclaration, "method" | "url">;

/** Routes not yet declared where they are served (moving to declareRoute in their route files). */
const handKept: Record<string, Operation> = {
  ...counterOperations,
  "GET /healthz": { summary: "The process is alive", responses: { 200: "alive" }, answers: { 200: serviceAnswers.health } },
  "GET /": { summary: "Public status page (HTML, ja; ?lang=en)", responses: { 200: "text/html" } },
  "GET /status": { summary: "Public status page, where pushes link (HTML)", responses: { 200: "text/html" } },
  "GET /facilities/:id": { summary: "One facility's page (HTML)", responses: { 200: "text/html", 404: "no such facility" } },
  "GET /services/:id": { summary: "One counter service's page (HTML)", responses: { 200: "text/html" } },
  "GET /console": { summary: "Manager console (HTML; the API calls carry the session cookie)", responses: { 200: "text/html" } },
  "GET /staff": { summary: "Staff page (HTML; the API calls carry the session cookie)", responses: { 200: "text/html" } },
  "GET /staff/notices/:id": {
    summary: "The staff page opened on one notice, where its push links (signed out: to sign-in and back)",
    responses: { 200: "text/html", 302: "to /login, then back here" },
  },
  "GET /api/v1/me": {
    summary: "Who is signed in (session cookie or bearer token): subject and roles",
    roles: [...roles],
    responses: { 200: "the signed-in person" },
    answers: { 200: z.object({ subject: z.string(), roles: z.array(z.enum(roles)) }) },
  },
  "GET /sw.js": { summary: "The pages' service worker (offline copy, push notifications)", responses: { 200: "JavaScript" } },
  "GET /assets/*": {
    summary: "The pages' CSS and JavaScript, Leaflet for the shelter map: by hashed name (immutable), or plain name (no-cache)",
    responses: { 200: "static file, brotli or gzip as accepted" },
  },
  "GET /readyz": {
    summary: "Connected and able to take work",
    responses: { 200: "ready", 503: "not ready" },
    answers: { 200: serviceAnswers.ready, 503: serviceAnswers.ready },
  },
  "GET /api/v1/openapi.json": { summary: "This document", responses: { 200: "OpenAPI 3.1" } },
  "GET /api/v1/status": {
    summary: "The mode and every facility's effective status",
    responses: { 200: "status" },
    answers: { 200: serviceAnswers.status },
  },
  "GET /api/v1/push/public-key": {
    summary: "The VAPID public key for pushManager.subscribe()",
    responses: { 200: "the key" },
    answers: { 200: serviceAnswers.publicKey },
  },
  "POST /api/v1/subscriptions": {
    summary: "Subscribe a browser to alerts on its topics",
    body: subscriptionBody,
    responses: { 201: "{id, unsubscribeToken}" },
    answers: { 201: serviceAnswers.subscribed },
  },
  "DELETE /api/v1/subscriptions/:id": {
    summary: "Unsubscribe (X-Unsubscribe-Token)",
    responses: { 204: "purged" },
    problems: { 400: "HEADER_MISSING", 403: "wrong token", 404: "no such subscription" },
  },
  "GET /api/v1/events": {
    summary: "Server-Sent Events of changes; Last-Event-ID resumes without a gap",
    responses: { 200: "text/event-stream" },
    problems: { 400: "LAST_EVENT_ID_INVALID", 503: "TOO_MANY_STREAMS" },
  },
  "GET /feeds/status.atom": {
    summary: "Atom 1.0 feed, one entry per change (ja and en titles)",
    responses: { 200: "application/atom+xml" },
  },
  "GET /feeds/cap.xml": {
    summary: "The newest OASIS CAP 1.2 message (Alert, Update, Cancel)",
    responses: { 200: "application/xml" },
    problems: { 404: "NO_ALERT" },
  },
  "GET /feeds/cap/:id": {
    summary: "One CAP 1.2 message at its permanent URL (`<id>.xml`, its <web>), as it read when a newer one replaced it",
    responses: { 200: "application/cap+xml" },
    problems: { 404: "CAP_MESSAGE_NOT_FOUND" },
  },
  "GET /metrics": { summary: "Prometheus metrics", responses: { 200: "text/plain; version=0.0.4" } },
  "GET /api/v1/facilities": {
    summary: "Facilities with their use and shelter operation, filtered and paged (nearest first with near=)",
    query: facilityListQuery,
    responses: { 200: "{total, nextCursor, facilities}" },
    answers: { 200: serviceAnswers.facilities },
  },
  "GET /api/v1/facilities/:id": {
    summary: "One facility: registry entry, use, shelter, reasons, restrictions and history",
    responses: { 200: "the facility" },
    problems: { 404: "FACILITY_NOT_FOUND" },
    answers: { 200: serviceAnswers.facility },
  },
  "POST /api/v1/facilities/:id/restrictions": {
    summary: "Restrict or close a facility, now or in a window",
    roles: ["manager", "facility_admin"],
    body: restrictionBody,
    responses: { 201: "the restriction and the facility" },
    problems: { 404: "FACILITY_NOT_FOUND", 409: "DECISION_CONFLICT", 422: "END_BEFORE_START or a field at fault" },
    answers: { 201: serviceAnswers.restricted },
  },
  "DELETE /api/v1/facilities/:id/restrictions/:restrictionId": {
    summary: "End a restriction now (it stays in the history)",
    roles: ["manager", "facility_admin"],
    responses: { 200: "the facility" },
    problems: { 404: "FACILITY_NOT_FOUND or RESTRICTION_NOT_FOUND" },
    answers: { 200: serviceAnswers.facility },
  },
  "PATCH /api/v1/facilities/:id": {
    summary: "Correct the registry (never re-announces an opening)",
    roles: ["manager", "facility_admin"],
    body: correctionBody,
    responses: { 200: "{fields, facility}" },
    answers: { 200: serviceAnswers.corrected },
  },
  "PUT /api/v1/shelters/:id": {
    summary: "Open or close one shelter (the same state again changes nothing)",
    roles: ["manager", "facility_admin"],
    body: shelterBody,
    responses: { 200: "{state, status, changed}" },
    problems: { 404: "FACILITY_NOT_FOUND", 422: "NOT_A_SHELTER" },
    answers: { 200: serviceAnswers.shelter },
  },
  "GET /api/v1/services": {
    summary: "Counter services and each channel's level",
    responses: { 200: "{services}" },
    answers: { 200: serviceAnswers.services },
  },
  "POST /api/v1/shelters/:id/occupancy": {
    summary: "Report a shelter's headcount and needs (staff on a post at that shelter now, or a manager)",
    roles: ["manager", "staff"],
    body: occupancyBody,
    responses: { 201: "{shelter, changed}: the shelter's crowding after the report, and the level change if any" },
    answers: { 201: crowdingAnswers.reported },
    problems: { 403: "NOT_ON_POST", 404: "FACILITY_NOT_FOUND", 409: "SHELTER_NOT_OPEN", 422: "NOT_A_SHELTER or a field at fault" },
  },
  "GET /api/v1/shelters/:id/occupancy": {
    summary: "One shelter's crowding level, capacity (null: unknown) and latest report with its age",
    responses: { 200: "the shelter's crowding" },
    answers: { 200: crowdingAnswers.shelter },
    problems: { 404: "FACILITY_NOT_FOUND" },
  },
  "GET /api/v1/shelters": {
    summary: "Crowding of every open shelter (空き/やや混雑/混雑/満, unknown) and the sums per ward",
    query: shelterListQuery,
    responses: { 200: "{shelters, wards}" },
    answers: { 200: crowdingAnswers.list },
  },
  "GET /api/v1/shelters/history": {
    summary:
      "Occupancy over time as CSV, for a shelter (?facility=) or a ward (?ward=): every report, oldest first, or with ?by=hour per ward and hour",
    roles: ["manager", "facility_admin"],
    query: occupancyHistoryQuery,
    responses: {
      200: "text/csv: reportedAt, facilityId, name, ward, headcount, capacity, level, needs; ?by=hour: hour, ward, shelters, headcount, capacity_known",
    },
  },
  "GET /api/v1/shelters/nearest": {
    summary: "The nearest open shelters with known room (a recent report below full), nearest first",
    query: nearestQuery,
    responses: { 200: "{shelters}: distance in metres, level, places left, link" },
    answers: { 200: crowdingAnswers.nearest },
  },
  "GET /api/v1/services/:id": {
    summary: "One counter service: each channel's level (online is the alternative to coming) and the counter's waiting figure",
    responses: { 200: "the service, with waiting: {waiting, nextFreeSlot, reportedAt, ageSeconds} or null" },
    answers: { 200: serviceAnswers.counterService },
    problems: { 404: "SERVICE_NOT_FOUND" },
  },
  "POST /api/v1/services/:id/waiting": {
    summary:
      "Report a counter's waiting figure (staff on a post at that service's counter now, a facility_admin or a manager): people waiting, or the next free slot of a reservation-only counter",
    roles: ["manager", "facility_admin", "staff"],
    body: waitingBody,
    responses: { 201: "the service with its waiting figure" },
    answers: { 201: serviceAnswers.counterService },
    problems: { 403: "NOT_ON_POST", 404: "SERVICE_NOT_FOUND", 422: "waiting or next_free_slot at fault" },
  },
  "PUT /api/v1/services/:id/channels/:channel": {
    summary: "Set a counter service's level on one channel",
    roles: ["manager", "facility_admin"],
    body: serviceLevelBody,
    responses: { 200: "the service" },
    answers: { 200: serviceAnswers.service },
  },
};

/**
 * Every route the gateway serves, as declared next to its handler. The API document, docs/api.md
 * and the role × route test are made from this list; a test fails while a served route is missing.
 */
export const declaredRoutes: DeclaredRoute[] = [
  ...Object.values(modeApi),
  ...Object.values(alertApi),
  ...Object.values(auditApi),
  ...Object.values(deadLetterApi),
  ...Object.values(reportApi),
  ...Object.values(staffingApi),
  ...Object.values(staffingPlanApi),
  ...Object.values(staffingTeamApi),
  ...Object.values(staffDutyApi),
];

/** The declarations by "METHOD /url". */
export const operations: Record<string, Operation> = {
  ...handKept,
  ...Object.fromEntries(declaredRoutes.map((declared) => [declared.route, declared])),
};
