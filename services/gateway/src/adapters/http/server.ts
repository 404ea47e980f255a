import { IncomingMessage, Server, ServerResponse, createServer } from "node:http";
import Fastify, { FastifyBaseLogger, LogController, RouteOptions } from "fastify";
import fp from "fastify-plugin";
import { Clock, Logger, Readiness, newId } from "@crisis/platform";
import { DeclareModeDeps } from "../../areas/mode/app/declare-mode";
import { AuditTrail, IdempotencyStore, StaffOnPost } from "../../app/ports";
import { CounterWaitingLog } from "../../areas/counters/app/ports";
import { DeadLetterShelf } from "../../areas/records/app/ports";
import { errors } from "../../domain/errors";
import { modeView } from "../../domain/mode";
import { positionId } from "../../areas/status/domain/status-view";
import { readServices } from "../../areas/counters/app/read-services";
import { Role, TokenVerifier } from "../auth/tokens";
import { ServiceClients } from "../grpc/clients";
import { auditedWrites, noteChange } from "./audit";
import { Authenticate, checkRoles } from "./declared-routes";
import { idempotentPosts } from "./idempotency";
import { deprecatedSpellings, openApiDocument } from "./openapi";
import { gatewayRoutes } from "./gateway-routes";
import { auditRoutes } from "../../areas/records/http/routes";
import { deadLetterRoutes } from "../../areas/records/http/dead-letter-routes";
import { alertRoutes } from "../../areas/alerts/http/routes";
import { reportRoutes } from "../../areas/records/http/report-routes";
import { IncidentLedger } from "../../areas/records/domain/incident-report";
import { PagePrinter } from "../print/chromium-printer";
import { LiveStatus } from "../../areas/status/app/follow-status";
import { LiveFigures } from "../../areas/status/app/live-figures";
import { StatusEvents } from "../../areas/status/app/ports";
import { EdgeOptions, clientErrorHandler, correlationIdOf, hardenEdge, securityHeaders } from "./edge";
import { metricsRoutes } from "./metrics";
import { problemHandler, sendProblem } from "./problem";
import { eventRoutes } from "../../areas/status/http/event-routes";
import { FeedOptions, feedRoutes } from "../../areas/status/http/feed-routes";
import { SseHub, SseOptions } from "../../areas/status/http/sse";
import { modeRoutes } from "../../areas/mode/http/routes";
import { pageRoutes } from "./page-routes";
import { compressReplies } from "./compression";
import { StatusPageSettings } from "../../areas/status/http/pages/status-page";
import { facilityRoutes } from "../../areas/facilities/http/routes";
import { serviceRoutes } from "../../areas/counters/http/routes";
import { CounterWaitingBoard } from "../../areas/counters/domain/counter-waiting";
import { expectedWaiting } from "../../areas/counters/domain/expected-waiting";
import { crowdingRoutes, shelterRoutes } from "../../areas/shelters/http/routes";
import { staffingRoutes } from "../../areas/staffing/http/routes";
import { staffingPlanRoutes } from "../../areas/staffing/http/plan-routes";
import { staffingTeamRoutes } from "../../areas/staffing/http/team-routes";
import { staffDutyRoutes } from "../../areas/staffing/http/duty-routes";
import { statusRoutes } from "../../areas/status/http/routes";
import { subscriptionRoutes } from "../../areas/alerts/http/subscription-routes";
import { bookingRoutes } from "../../areas/counters/http/booking-routes";
import { counterPageRoutes } from "../../areas/counters/http/page-routes";
import { ticketRoutes } from "../../areas/counters/http/ticket-routes";
import { CounterClients } from "../grpc/counters-client";
import { SessionPrincipal, SignInOptions, signInRoutes } from "../../areas/sign-in/http/routes";

export interface HttpDeps {
  logger: Logger;
  readiness: Readiness;
  tokens: TokenVerifier;
  clock: Clock;
  modes: DeclareModeDeps;
  services: ServiceClients;
  idempotency: IdempotencyStore;
  audit: AuditTrail;
  deadLetters: DeadLetterShelf;
  /** Settings of the public pages (map tiles). */
  pages?: StatusPageSettings;
  live: {
    status: LiveStatus;
    events: StatusEvents;
    sse: SseOptions;
    /** Occupancy and counter waiting figures as they arrive, sent to the open pages. */
    figures?: LiveFigures;
    feeds: FeedOptions;
    /** Messages stored per stream that the status has not read yet (a metric). */
    lag: () => Promise<Record<string, number>>;
  };
  edge: EdgeOptions;
  /** Who is on a shelter's post now (may report its occupancy). */
  onDuty: StaffOnPost;
  /** Counter services' waiting figures: where reports go, the latest of each. */
  counterWaiting: { log: CounterWaitingLog; board: CounterWaitingBoard };
  /** The after-action report's figures, kept as events arrive. */
  incidents: IncidentLedger;
  /** Prints the daily HQ sheet to PDF (headless Chromium); without it the PDF answers 503. */
  printer?: PagePrinter;
  /** Sign-in for the pages at the city's identity provider; without it only bearer tokens count. */
  signIn?: Omit<SignInOptions, "clock">;
  /** Bookings and tickets at the counters (facilities); without it their routes and pages are absent. */
  counters?: CounterClients;
  /** Largest request body accepted (bytes). */
  bodyLimit?: number;
}

/** The only HTTP edge: JSON API under /api/v1, problem+json errors, correlation id on every line. */
export function buildHttpServer(deps: HttpDeps, onRoute?: (route: RouteOptions) => void) {
  // Set once the routes are in place (below).
  const fast: { status?: (req: IncomingMessage, res: ServerResponse) => boolean } = {};
  const app = Fastify<Server, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit ?? 64 * 1024,
    trustProxy: deps.edge.trustProxy ?? false,
    clientErrorHandler,
    // A URL that does not decode (%ff) and the like, refused before routing.
    frameworkErrors: (err, request, reply) => {
      problemHandler(err, request, reply);
    },
    logController: new LogController({ requestIdLogLabel: "correlationId" }),
    genReqId: correlationIdOf,
    // The cached status answers before fastify routes (statusRoutes): the city's hot path.
    serverFactory: (handler) => {
      const server = createServer((req, res) => void (fast.status?.(req, res) || handler(req, res)));
      server.keepAliveTimeout = 72_000;
      return server;
    },
  });
  const served: string[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      // HEAD follows GET; OPTIONS is the CORS preflight, not an operation.
      if (method !== "HEAD" && method !== "OPTIONS") served.push(`${method} ${route.url}`);
    onRoute?.(route);
  });
  // The map's tiles may load from the one origin the pages are configured with, nothing else.
  const edge: EdgeOptions = {
    ...deps.edge,
    tileUrl: deps.pages?.tileUrl,
    signInOrigin: deps.signIn && new URL(deps.signIn.issuer).origin,
  };
  // Loaded with the routes at ready(); a failing plugin fails ready() and the start, not this call.
  void app.register(fp(hardenEdge), edge);
  compressReplies(app);
  app.setErrorHandler(problemHandler);
  idempotentPosts(app, deps.idempotency);
  auditedWrites(app, { audit: deps.audit, clock: deps.clock, newId });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, errors.routeNotFound(request.url)));

  // Set once the session plugin has loaded (before the server listens).
  const session: { principal?: SessionPrincipal } = {};
  const signIn = deps.signIn;
  if (signIn)
    void app.register(
      fp(async (scope) => {
        session.principal = await signInRoutes(scope, { ...signIn, clock: deps.clock });
      }),
    );

  // A bearer token (API clients) wins; else the page's session cookie, whose writes must come from this origin.
  const authenticate: Authenticate = async (request, allowed) => {
    const signedIn = request.headers.authorization ? undefined : session.principal?.(request);
    const principal = signedIn ?? (await deps.tokens(request.headers.authorization));
    const anyOf: readonly Role[] = typeof allowed === "string" ? [allowed] : allowed;
    if (!anyOf.some((role) => principal.roles.includes(role))) throw errors.roleForbidden(anyOf.join('" or "'));
    noteChange(request, { actor: principal.subject, actorRoles: principal.roles });
    return principal;
  };
  checkRoles(app, authenticate);

  gatewayRoutes(app, deps.readiness, { openApi: () => openApiDocument(served), deprecations: () => deprecatedSpellings(served) });
  modeRoutes(app, deps.modes);
  subscriptionRoutes(app, deps.services.subscriptions, deps.services.facilitiesAdmin);
  const statusFastPath = statusRoutes(app, deps.live.status);
  const hub = new SseHub(deps.live.status, deps.live.events, deps.live.sse, deps.logger, deps.live.figures);
  hub.start();
  app.addHook("preClose", async () => hub.stop());
  eventRoutes(app, hub);
  feedRoutes(app, deps.live.status, deps.live.feeds);
  const { observe } = metricsRoutes(app, { sseClients: () => hub.size, statusLag: deps.live.lag, deadLetters: deps.deadLetters.count });
  fast.status = statusFastPath({ securityHeaders: securityHeaders(edge), observe, cors: deps.edge.corsOrigins.length > 0 });
  staffingRoutes(app, deps.services.staffing);
  auditRoutes(app, deps.audit);
  deadLetterRoutes(app, deps.deadLetters);
  const waitingOf = (id: string) => deps.counterWaiting.board.view(id, deps.clock.now().getTime());
  app.register((scope) =>
    pageRoutes(scope, {
      modes: deps.modes.modes,
      facilities: deps.services.directory,
      crowding: deps.services.crowding,
      guidance: deps.services.guidance,
      services: async (correlationId) => (await readServices(deps.services.facilitiesAdmin, correlationId, waitingOf)).services,
      livePosition: () => positionId(deps.live.status.position),
      clock: deps.clock,
      settings: deps.pages ?? {},
      signedIn: signIn && ((request) => Boolean(request.headers.authorization) || Boolean(session.principal?.(request))),
      expectedWaiting: (id) => expectedWaiting(deps.counterWaiting.board.samples(id), deps.clock.now().getTime()),
    }),
  );
  // The readings follow the mode as the live status knows it (normal operations until it has read one).
  const modeNow = () => modeView(deps.live.status.view.mode);
  facilityRoutes(app, deps.services.facilitiesAdmin, modeNow);
  shelterRoutes(app, deps.services.facilitiesAdmin, modeNow);
  crowdingRoutes(app, { crowding: deps.services.crowding, onDuty: deps.onDuty, now: () => deps.clock.now() });
  serviceRoutes(app, deps.services.facilitiesAdmin, {
    ...deps.counterWaiting,
    facilities: deps.services.facilitiesAdmin,
    clock: deps.clock,
    newId: deps.modes.newId,
    onDuty: deps.onDuty,
  });
  alertRoutes(app, deps.services.alertReports);
  reportRoutes(app, { ledger: deps.incidents, clock: deps.clock, printer: deps.printer });
  staffingPlanRoutes(app, deps.services.staffingPlans);
  staffingTeamRoutes(app, deps.services.staffingTeams);
  staffDutyRoutes(app, deps.services.dutyDesk);
  const counters = deps.counters;
  if (counters) {
    bookingRoutes(app, counters.bookings);
    ticketRoutes(app, { tickets: counters.tickets, onDuty: deps.onDuty, clock: deps.clock });
    counterPageRoutes(app, {
      bookings: counters.bookings,
      tickets: counters.tickets,
      directory: deps.services.directory,
      publicBaseUrl: deps.live.feeds.publicBaseUrl,
      serviceName: async (id, correlationId) =>
        (await deps.services.facilitiesAdmin.listServices(correlationId)).find((s) => s.id === id)?.name ?? "",
      clock: deps.clock,
    });
  }
  return app;
}
