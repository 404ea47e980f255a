import { z } from "zod";
import { roles } from "../auth/tokens";
import { serviceAnswers, subscriptionBody } from "./schemas";
import { counterOperations } from "./counter-operations";
import { DeclaredRoute, RouteDeclaration } from "./declared-routes";
import { alertApi } from "./routes/alerts";
import { auditApi } from "./routes/audit";
import { deadLetterApi } from "./routes/dead-letters";
import { facilityApi } from "./routes/facilities";
import { bookingApi } from "./routes/bookings";
import { modeApi } from "./routes/mode";
import { ticketApi } from "./routes/tickets";
import { serviceApi } from "./routes/services";
import { shelterApi } from "./routes/shelters";
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
};

/**
 * Every route the gateway serves, as declared next to its handler. The API document, docs/api.md
 * and the role × route test are made from this list; a test fails while a served route is missing.
 */
export const declaredRoutes: DeclaredRoute[] = [
  ...Object.values(modeApi),
  ...Object.values(bookingApi),
  ...Object.values(ticketApi),
  ...Object.values(facilityApi),
  ...Object.values(shelterApi),
  ...Object.values(serviceApi),
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
