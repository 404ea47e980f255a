import { ExpectedWaiting } from "../../areas/counters/domain/expected-waiting";
import { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Clock } from "@crisis/platform";
import { CitizenGuidance, FacilitiesDirectory, ModeLog, ShelterCrowdingService } from "../../app/ports";
import { readCrowding, readCrowdingHere } from "../../app/read-crowding";
import { readPublicStatus } from "../../app/read-public-status";
import { consolePage } from "../../areas/mode/http/pages/console-page";
import { facilityListPage } from "../../areas/facilities/http/pages/facility-list-page";
import { facilityPage } from "../../areas/facilities/http/pages/facility-page";
import { servicePage } from "../../areas/counters/http/pages/service-page";
import { staffPage } from "../../areas/staffing/http/pages/staff-page";
import { StatusPageSettings, statusPage } from "../../areas/status/http/pages/status-page";
import { residentPageLang } from "./page-parts/resident";
import { PageService } from "./page-parts/status-figures";
import { pageLang } from "./page-parts/page-lang";
import { signInFirst } from "../../areas/sign-in/http/routes";
import { assetRoutes } from "./assets";
import { browserScripts } from "./browser-build";
import { declareRoute, serve } from "./declared-routes";

const html = { 200: "text/html" };

export const pageApi = {
  serviceWorker: declareRoute({
    method: "GET",
    url: "/sw.js",
    summary: "The pages' service worker (offline copy, push notifications)",
    responses: { 200: "JavaScript" },
  }),
  home: declareRoute({ method: "GET", url: "/", summary: "Public status page (HTML, ja; ?lang=en)", responses: html }),
  status: declareRoute({ method: "GET", url: "/status", summary: "Public status page, where pushes link (HTML)", responses: html }),
  facilities: declareRoute({
    method: "GET",
    url: "/facilities",
    summary: "Every facility by category with its state (HTML), linked from the status page",
    responses: html,
  }),
  facility: declareRoute({
    method: "GET",
    url: "/facilities/:id",
    summary: "One facility's page (HTML)",
    responses: { 200: "text/html", 404: "no such facility" },
  }),
  service: declareRoute({ method: "GET", url: "/services/:id", summary: "One counter service's page (HTML)", responses: html }),
  console: declareRoute({
    method: "GET",
    url: "/console",
    summary: "Manager console (HTML; the API calls carry the session cookie)",
    responses: html,
  }),
  staff: declareRoute({
    method: "GET",
    url: "/staff",
    summary: "Staff page (HTML; the API calls carry the session cookie)",
    responses: html,
  }),
  notice: declareRoute({
    method: "GET",
    url: "/staff/notices/:id",
    summary: "The staff page opened on one notice, where its push links (signed out: to sign-in and back)",
    responses: { 200: "text/html", 302: "to /login, then back here" },
  }),
};

export interface PageDeps {
  modes: ModeLog;
  facilities: FacilitiesDirectory;
  /** Crowding for a shelter's page; without it (or when it does not answer) the page shows the state alone. */
  crowding?: ShelterCrowdingService;
  /** What to do now, for the status page; without it (or when it does not answer) the section stays hidden. */
  guidance?: CitizenGuidance;
  /** Counter services with their waiting figures; without them (or when they do not answer) the page script reads them. */
  services?: (correlationId: string) => Promise<PageService[]>;
  /** Where the live status stands (an event id): a page resumes its event stream from there instead of reading the whole status. */
  livePosition?: () => string;
  clock: Clock;
  settings: StatusPageSettings;
  /** With sign-in on: whether this request carries a session (or a bearer token); a notice link needs one. */
  signedIn?: (request: FastifyRequest) => boolean;
  /** A counter service's usual wait per hour of the week, for its page. */
  expectedWaiting?: (serviceId: string) => ExpectedWaiting;
}

const sendPage = (reply: FastifyReply, body: string, code = 200) =>
  reply
    .code(code)
    .type("text/html; charset=utf-8")
    .header("cache-control", "no-cache")
    .header("vary", "cookie, accept-language")
    .send(body);

/** The people's pages: server-rendered HTML, then page scripts, styles and the service worker as files. */
export async function pageRoutes(app: FastifyInstance, deps: PageDeps) {
  // Pages link to hashed names (cached for good); the plain names stay for copies saved before a new version.
  assetRoutes(app);
  // The service worker sits at the root so its scope covers every page.
  const serviceWorker = browserScripts().get("sw.js");
  serve(app, pageApi.serviceWorker, ({ reply }) =>
    reply.header("cache-control", "no-cache").type("text/javascript; charset=utf-8").send(serviceWorker),
  );

  const status = (request: FastifyRequest) => readPublicStatus(deps.modes, deps.facilities, deps.clock, request.id);
  /** A figure the page can do without: its script reads it when the server could not. */
  const orNothing = <T>(request: FastifyRequest, what: string, read: (() => Promise<T>) | undefined) =>
    read
      ? read().catch((err: unknown) => {
          request.log.warn({ err }, `${what} not available; the page script reads it`);
          return undefined;
        })
      : Promise.resolve(undefined);
  const services = (request: FastifyRequest) => orNothing(request, "services", deps.services && (() => deps.services!(request.id)));
  const home = async (request: FastifyRequest, reply: FastifyReply) => {
    const guidance = deps.guidance && {
      source: deps.guidance,
      onMissing: (err: unknown) => request.log.warn({ err }, "guidance not available; the page shows the rest"),
    };
    // Read before the status: whatever changes after it reaches the page over its event stream.
    const position = deps.livePosition?.();
    const [current, shelters, counters] = await Promise.all([
      readPublicStatus(deps.modes, deps.facilities, deps.clock, request.id, guidance),
      orNothing(request, "crowding", deps.crowding && (async () => (await readCrowding(deps.crowding!, undefined, request.id)).shelters)),
      services(request),
    ]);
    const figures = { crowding: shelters, services: counters, position };
    return sendPage(reply, statusPage(current, residentPageLang(request, reply), deps.settings, figures));
  };
  serve(app, pageApi.home, ({ request, reply }) => home(request, reply));
  // Pushes link to /status (notify's PUBLIC_BASE_URL + /status).
  serve(app, pageApi.status, ({ request, reply }) => home(request, reply));
  serve(app, pageApi.facilities, async ({ request, reply }) => {
    const position = deps.livePosition?.();
    const current = await status(request);
    return sendPage(reply, facilityListPage(current, residentPageLang(request, reply), position));
  });
  serve(app, pageApi.facility, async ({ request, reply, params }) => {
    const position = deps.livePosition?.();
    const current = await status(request);
    const facility = current.facilities.find((f) => f.id === params.id);
    const crowding =
      // Only an open shelter's crowding: a closed one must never read 空き beside 閉鎖.
      facility?.reading.state === "shelter_open" && deps.crowding
        ? await readCrowdingHere(deps.crowding, facility, request.id).catch((err: unknown) => {
            request.log.warn({ err }, "crowding not available; the page shows the state alone");
            return undefined;
          })
        : undefined;
    const shown = facilityPage(current, facility, residentPageLang(request, reply), crowding, position);
    return sendPage(reply, shown, facility ? 200 : 404);
  });
  serve(app, pageApi.service, async ({ request, reply, params }) => {
    const position = deps.livePosition?.();
    const [current, counters] = await Promise.all([status(request), services(request)]);
    // Unknown only when the catalogue answered without it; unanswered, the page script tries again.
    const service = counters?.find((s) => s.id === params.id) ?? (counters ? null : undefined);
    const shown = servicePage(current, params.id, residentPageLang(request, reply), {
      service,
      position,
      expected: deps.expectedWaiting?.(params.id),
    });
    return sendPage(reply, shown, service === null ? 404 : 200);
  });
  serve(app, pageApi.console, async ({ request, reply }) => sendPage(reply, consolePage(await status(request), pageLang(request, reply))));
  serve(app, pageApi.staff, ({ request, reply }) => sendPage(reply, staffPage(pageLang(request, reply))));
  // Where a staff notice's push opens: signed out, the person signs in first and comes back here.
  serve(app, pageApi.notice, ({ request, reply, params }) => {
    if (deps.signedIn && !deps.signedIn(request)) return signInFirst(request, reply);
    return sendPage(reply, staffPage(pageLang(request, reply), params.id));
  });
}
