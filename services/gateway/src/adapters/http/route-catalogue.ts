import { assetApi } from "./assets";
import { DeclaredRoute, RouteDeclaration } from "./declared-routes";
import { metricsApi } from "./metrics";
import { alertApi } from "../../areas/alerts/http/routes";
import { auditApi } from "../../areas/records/http/routes";
import { bookingApi } from "../../areas/counters/http/booking-routes";
import { counterPageApi } from "../../areas/counters/http/page-routes";
import { deadLetterApi } from "../../areas/records/http/dead-letter-routes";
import { eventApi } from "../../areas/status/http/event-routes";
import { facilityApi } from "../../areas/facilities/http/routes";
import { feedApi } from "../../areas/status/http/feed-routes";
import { gatewayApi } from "./gateway-routes";
import { modeApi } from "../../areas/mode/http/routes";
import { pageApi } from "./page-routes";
import { reportApi } from "../../areas/records/http/report-routes";
import { serviceApi } from "../../areas/counters/http/routes";
import { shelterApi } from "../../areas/shelters/http/routes";
import { staffDutyApi } from "../../areas/staffing/http/duty-routes";
import { staffingApi } from "../../areas/staffing/http/routes";
import { staffingPlanApi } from "../../areas/staffing/http/plan-routes";
import { staffingTeamApi } from "../../areas/staffing/http/team-routes";
import { statusApi } from "../../areas/status/http/routes";
import { subscriptionApi } from "../../areas/alerts/http/subscription-routes";
import { ticketApi } from "../../areas/counters/http/ticket-routes";
import { signInApi } from "../../areas/sign-in/http/routes";

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
