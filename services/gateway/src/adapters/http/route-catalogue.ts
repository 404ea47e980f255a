import { assetApi } from "./assets";
import { DeclaredRoute, RouteDeclaration } from "./declared-routes";
import { metricsApi } from "./metrics";
import { alertApi } from "./routes/alerts";
import { auditApi } from "./routes/audit";
import { bookingApi } from "./routes/bookings";
import { counterPageApi } from "./routes/counter-pages";
import { deadLetterApi } from "./routes/dead-letters";
import { eventApi } from "./routes/events";
import { facilityApi } from "./routes/facilities";
import { feedApi } from "./routes/feeds";
import { gatewayApi } from "./routes/gateway";
import { modeApi } from "./routes/mode";
import { pageApi } from "./routes/pages";
import { reportApi } from "./routes/reports";
import { serviceApi } from "./routes/services";
import { shelterApi } from "./routes/shelters";
import { staffDutyApi } from "./routes/staff-duties";
import { staffingApi } from "./routes/staffing";
import { staffingPlanApi } from "./routes/staffing-plans";
import { staffingTeamApi } from "./routes/staffing-teams";
import { statusApi } from "./routes/status";
import { subscriptionApi } from "./routes/subscriptions";
import { ticketApi } from "./routes/tickets";
import { signInApi } from "./sign-in";

/** A route's description in the API document: its declaration without method and URL. */
export type Operation = Omit<RouteDeclaration, "method" | "url">;

/**
 * Every route the gateway serves, as declared next to its handler (one area's declarations per
 * entry). The API document, docs/api.md and the role × route test are made from this list; a test
 * fails while a served route is missing from it.
 */
export const declaredRoutes: DeclaredRoute[] = [
  signInApi,
  counterPageApi,
  bookingApi,
  ticketApi,
  pageApi,
  gatewayApi,
  assetApi,
  modeApi,
  statusApi,
  subscriptionApi,
  eventApi,
  feedApi,
  metricsApi,
  facilityApi,
  shelterApi,
  serviceApi,
  alertApi,
  staffingPlanApi,
  staffingTeamApi,
  staffDutyApi,
  staffingApi,
  auditApi,
  reportApi,
  deadLetterApi,
].flatMap((area) => Object.values(area));

/** The declarations by "METHOD /url". */
export const operations: Record<string, Operation> = Object.fromEntries(declaredRoutes.map((declared) => [declared.route, declared]));
