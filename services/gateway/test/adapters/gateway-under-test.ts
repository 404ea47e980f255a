import { AddressInfo } from "node:net";
import pino from "pino";
import { RouteOptions } from "fastify";
import { UntypedServiceImplementation } from "@grpc/grpc-js";
import {
  Backbone,
  FakeClock,
  GrpcServer,
  connectBackbone,
  createReadiness,
  ensureStreams,
  memoryReadModels,
  projectAudit,
  startGrpcServer,
  streams,
} from "@crisis/platform";
import { Facility } from "@crisis/platform/contracts/facilities";
import { CrowdingServiceService } from "@crisis/platform/contracts/crowding_service";
import { FacilitiesServiceService } from "@crisis/platform/contracts/facilities_service";
import { DutiesServiceService } from "@crisis/platform/contracts/duties_service";
import { StaffingServiceService } from "@crisis/platform/contracts/staffing_service";
import { NatsServerHandle, freePort } from "@crisis/platform/testing";
import { Role, oidcTokens } from "../../src/adapters/auth/tokens";
import { serviceClients } from "../../src/adapters/grpc/clients";
import { counterClients } from "../../src/adapters/grpc/counters-client";
import { HttpDeps, buildHttpServer } from "../../src/adapters/http/server";
import { IncidentLedger } from "../../src/areas/records/domain/incident-report";
import { jetStreamDeadLetters } from "../../src/adapters/nats/dead-letters";
import { readModelAuditTrail } from "../../src/adapters/nats/audit-trail";
import { kvIdempotencyStore } from "../../src/adapters/nats/idempotency-store";
import { jetStreamModeLog } from "../../src/adapters/nats/mode-log";
import { kvPendingDeclarations } from "../../src/adapters/nats/pending-declarations";
import { followStaffOnDuty } from "../../src/adapters/nats/staff-on-duty";
import { followCounterWaiting, jetStreamCounterWaitingLog } from "../../src/adapters/nats/counter-waiting";
import { CounterWaitingBoard } from "../../src/areas/counters/domain/counter-waiting";
import { LiveFigures } from "../../src/areas/status/app/live-figures";
import { followOccupancy } from "../../src/adapters/nats/occupancy-feed";
import { followLiveStatus } from "../../src/adapters/nats/status-feed";
import { EdgeOptions } from "../../src/adapters/http/edge";
import { LiveStatus } from "../../src/areas/status/app/follow-status";
import { FacilitiesDirectory } from "../../src/app/ports";
import { ApprovalPolicy } from "../../src/areas/mode/domain/approval";
import { StaffOnDuty } from "../../src/areas/staffing/domain/staff-on-duty";
import { LocalIdp } from "./auth/local-idp";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Sends a bearer token for these roles, signed by the local identity provider. */
  as?: { roles: Role[]; sub?: string };
  /** "manual": the redirect itself is the answer (sign-in, pages for signed-in people). */
  redirect?: RequestRedirect;
}

/**
 * The gateway wired as main.ts wires it, on a real nats-server, with the services down (nothing
 * listens on their ports) and tokens from a local identity provider; real HTTP on a free port
 * (fastify's inject pulls in an ESM-only module jest cannot load).
 */
export interface GatewayUnderTest {
  base: string;
  backbone: Backbone;
  clock: FakeClock;
  /** The status the gateway keeps from events. */
  live: LiveStatus;
  /** Every route the gateway registered, as "METHOD /url". */
  routes: string[];
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  token(roles: Role[], sub?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  approval?: ApprovalPolicy;
  approvalTtlMs?: number;
  /** A stand-in facilities service (some of its rpcs) on a real gRPC port; without it, facilities is down. */
  facilities?: UntypedServiceImplementation;
  /** A stand-in for staffing's duties rpcs on a real gRPC port; without it, staffing is down. */
  duties?: UntypedServiceImplementation;
  /** A stand-in for staffing's own rpcs (continuity teams), served beside `duties`. */
  staffing?: UntypedServiceImplementation;
  /** A stand-in of facilities' crowding rpcs, served beside `facilities`. */
  crowding?: UntypedServiceImplementation;
  /** Another gateway replica shares this clock and the id counter prefix differs. */
  clock?: FakeClock;
  replica?: string;
  /** The registry the status starts from (as facilities would list it); unset: asked of `facilities`. */
  registry?: Facility[];
  heartbeatMs?: number;
  maxClients?: number;
  /** A counter's waiting figure older than this is out of date. */
  waitingStaleMinutes?: number;
  edge?: Partial<EdgeOptions>;
  signIn?: HttpDeps["signIn"];
  /** Settings of the public pages (map tiles). */
  pages?: HttpDeps["pages"];
  /** The after-action report's ledger (here not following the streams: a test fills it). */
  incidents?: IncidentLedger;
  printer?: HttpDeps["printer"];
}

export async function startGateway(nats: NatsServerHandle, idp: LocalIdp, options: GatewayOptions = {}): Promise<GatewayUnderTest> {
  const logger = pino({ level: "silent" });
  const clock = options.clock ?? new FakeClock("2026-07-28T07:30:00Z");
  const backbone = await connectBackbone(nats.url, "gateway-test", logger);
  await ensureStreams(backbone.jsm, [streams.mode, streams.facility, streams.service, streams.audit, streams.staff, streams.shelter]);
  const down = `127.0.0.1:${await freePort()}`;
  let facilities: GrpcServer | undefined;
  if (options.facilities || options.crowding) {
    facilities = await startGrpcServer("127.0.0.1", 0, [
      { definition: FacilitiesServiceService, implementation: options.facilities ?? {} },
      ...(options.crowding ? [{ definition: CrowdingServiceService, implementation: options.crowding }] : []),
    ]);
  }
  const facilitiesTarget = facilities ? `127.0.0.1:${facilities.port}` : down;
  const duties =
    options.duties || options.staffing
      ? await startGrpcServer("127.0.0.1", 0, [
          { definition: DutiesServiceService, implementation: options.duties ?? {} },
          ...(options.staffing ? [{ definition: StaffingServiceService, implementation: options.staffing }] : []),
        ])
      : undefined;
  const staffingTarget = duties ? `127.0.0.1:${duties.port}` : down;
  const counters = counterClients(facilitiesTarget, 1_000);
  const services = serviceClients({ facilities: facilitiesTarget, staffing: staffingTarget, notify: down, deadlineMs: 1_000 });
  const registry = options.registry;
  const directory: FacilitiesDirectory = registry ? { list: async () => structuredClone(registry) } : services.directory;
  const onDuty = new StaffOnDuty();
  const followingStaff = await followStaffOnDuty(backbone, onDuty, logger);
  const waitingBoard = new CounterWaitingBoard(options.waitingStaleMinutes);
  const figures = new LiveFigures(waitingBoard, clock);
  const followingWaiting = await followCounterWaiting(backbone, (report) => figures.waitingReported(report));
  const followingOccupancy = await followOccupancy(backbone, (report) => figures.occupancyReported(report));
  const readiness = createReadiness();
  const live = await followLiveStatus(backbone, readiness, { directory, clock, retryMs: 100 });
  const auditModel = memoryReadModels().audit;
  const followingAudit = await projectAudit(backbone, auditModel, { follow: true });
  let ids = 0;
  const routes: string[] = [];
  const app = buildHttpServer(
    {
      logger,
      readiness,
      tokens: oidcTokens({ issuer: idp.issuer, audience: idp.audience, jwksUrl: idp.jwksUrl, rolesClaim: "roles" }, clock),
      clock,
      modes: {
        modes: jetStreamModeLog(backbone),
        previewer: services.previewer,
        pending: await kvPendingDeclarations(backbone.js, 1, 24 * 3_600_000),
        clock,
        newId: () => `${options.replica ?? "gw"}-${++ids}`,
        approval: { policy: options.approval ?? "never", ttlMs: options.approvalTtlMs ?? 30 * 60_000 },
      },
      services,
      idempotency: await kvIdempotencyStore(backbone.js, { replicas: 1, ttlMs: 24 * 3_600_000, leaseMs: 60_000, clock }),
      audit: readModelAuditTrail(backbone, auditModel),
      deadLetters: jetStreamDeadLetters(backbone),
      live: {
        ...live,
        sse: { maxClients: options.maxClients ?? 100, heartbeatMs: options.heartbeatMs ?? 60_000 },
        figures,
        feeds: { publicBaseUrl: "https://crisis.example.jp", capSender: "kikikanri@city.kumamoto.lg.jp" },
      },
      edge: { corsOrigins: [], hsts: false, rateLimit: { perIp: 1_000_000, perToken: 1_000_000, windowMs: 60_000 }, ...options.edge },
      onDuty,
      counterWaiting: { log: jetStreamCounterWaitingLog(backbone), board: waitingBoard },
      signIn: options.signIn,
      pages: options.pages,
      incidents: options.incidents ?? new IncidentLedger(),
      counters,
      printer: options.printer,
    },
    (route: RouteOptions) => {
      for (const method of [route.method].flat()) if (method !== "HEAD" && method !== "OPTIONS") routes.push(`${method} ${route.url}`);
    },
  );
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const token = (roles: Role[], sub = `${roles.join("+") || "nobody"}@city`) => idp.sign({ sub, roles }, { now: clock.now() });
  return {
    base,
    backbone,
    clock,
    live: live.status,
    routes,
    token,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.body !== undefined) headers["content-type"] ??= "application/json";
      if (options.as) headers.authorization = `Bearer ${await token(options.as.roles, options.as.sub)}`;
      const res = await fetch(`${base}${path}`, {
        method,
        headers,
        redirect: options.redirect,
        body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
      });
      const text = await res.text();
      const json = /json/.test(res.headers.get("content-type") ?? "") && text ? JSON.parse(text) : undefined;
      return { status: res.status, headers: res.headers, text, body: json };
    },
    async stop() {
      await app.close();
      await live.status.stop();
      await followingStaff.stop();
      await followingWaiting.stop();
      await followingOccupancy.stop();
      await followingAudit.stop();
      services.close();
      counters.close();
      await facilities?.stop();
      await duties?.stop();
      await backbone.nc.close();
    },
  };
}
