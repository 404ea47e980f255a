import { counterOperations } from "./counter-operations";
import { DeclaredRoute, RouteDeclaration } from "./declared-routes";
import { alertApi } from "./routes/alerts";
import { auditApi } from "./routes/audit";
import { deadLetterApi } from "./routes/dead-letters";
import { facilityApi } from "./routes/facilities";
import { bookingApi } from "./routes/bookings";
import { gatewayApi } from "./routes/gateway";
import { eventApi } from "./routes/events";
import { feedApi } from "./routes/feeds";
import { modeApi } from "./routes/mode";
import { statusApi } from "./routes/status";
import { subscriptionApi } from "./routes/subscriptions";
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
  "GET /sw.js": { summary: "The pages' service worker (offline copy, push notifications)", responses: { 200: "JavaScript" } },
  "GET /assets/*": {
    summary: "The pages' CSS and JavaScript, Leaflet for the shelter map: by hashed name (immutable), or plain name (no-cache)",
    responses: { 200: "static file, brotli or gzip as accepted" },
  },
  "GET /metrics": { summary: "Prometheus metrics", responses: { 200: "text/plain; version=0.0.4" } },
};

/**
 * Every route the gateway serves, as declared next to its handler. The API document, docs/api.md
 * and the role × route test are made from this list; a test fails while a served route is missing.
 */
export const declaredRoutes: DeclaredRoute[] = [
  ...Object.values(gatewayApi),
  ...Object.values(modeApi),
  ...Object.values(statusApi),
  ...Object.values(subscriptionApi),
  ...Object.values(eventApi),
  ...Object.values(feedApi),
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
