import { keepReadModelsIn, newId, openReadModels, projectAudit, runService, streams, systemClock } from "@crisis/platform";
import { embeddedTokens, oidcTokens, publicKeyFrom } from "./adapters/auth/tokens";
import { serviceClients } from "./adapters/grpc/clients";
import { counterClients } from "./adapters/grpc/counters-client";
import { buildHttpServer } from "./adapters/http/server";
import { jetStreamDeadLetters } from "./adapters/nats/dead-letters";
import { readModelAuditTrail } from "./adapters/nats/audit-trail";
import { kvIdempotencyStore } from "./adapters/nats/idempotency-store";
import { jetStreamModeLog } from "./adapters/nats/mode-log";
import { kvPendingDeclarations } from "./adapters/nats/pending-declarations";
import { followStaffOnDuty } from "./adapters/nats/staff-on-duty";
import { followCounterWaiting, jetStreamCounterWaitingLog } from "./adapters/nats/counter-waiting";
import { CounterWaitingBoard } from "./areas/counters/domain/counter-waiting";
import { LiveFigures } from "./areas/status/app/live-figures";
import { followOccupancy } from "./adapters/nats/occupancy-feed";
import { followLiveStatus } from "./adapters/nats/status-feed";
import { identityOf, readConfig, signInOf } from "./config";
import { oidcSignIn } from "./adapters/auth/sign-in";
import { StaffOnDuty } from "./areas/staffing/domain/staff-on-duty";
import { IncidentLedger } from "./areas/records/domain/incident-report";
import { followIncidentLedger } from "./adapters/nats/incident-ledger";
import { chromiumPrinter } from "./adapters/print/chromium-printer";
import { shippedAssets } from "./adapters/http/assets";

const hour = 3_600_000;

runService({
  name: "gateway",
  readConfig,
  ports: (c) => ({ http: c.GATEWAY_PORT }),
  streams: [streams.mode, streams.facility, streams.service, streams.audit, streams.staff, streams.shelter, streams.alert],
  wire: async (config, backbone, logger, readiness) => {
    const services = serviceClients({
      facilities: config.FACILITIES_GRPC,
      staffing: config.STAFFING_GRPC,
      notify: config.NOTIFY_GRPC,
      deadlineMs: config.GRPC_DEADLINE_MS,
    });
    const counters = counterClients(config.FACILITIES_GRPC, config.GRPC_DEADLINE_MS);
    const live = await followLiveStatus(backbone, readiness, {
      directory: services.directory,
      clock: systemClock,
      onError: (err, what) => logger.warn({ err }, `${what} failed; retrying`),
    });
    const onDuty = new StaffOnDuty();
    const followingStaff = await followStaffOnDuty(backbone, onDuty, logger);
    const waitingBoard = new CounterWaitingBoard(config.WAITING_STALE_MINUTES);
    const figures = new LiveFigures(waitingBoard, systemClock);
    const followingWaiting = await followCounterWaiting(backbone, (report) => figures.waitingReported(report));
    const followingOccupancy = await followOccupancy(backbone, (report) => figures.occupancyReported(report));
    // The audit trail answers from its read model: MongoDB (kept by keepReadModelsIn below) or memory, kept here.
    const auditModel = await openReadModels(config.MONGODB_URL);
    const followingAudit = config.MONGODB_URL ? undefined : await projectAudit(backbone, auditModel.audit, { follow: true });
    const incidents = new IncidentLedger();
    const followingIncidents = await followIncidentLedger(backbone, incidents, config.NATS_STREAM_REPLICAS);
    const identity = identityOf(config);
    const signIn = signInOf(config);
    const approvalTtlMs = config.APPROVAL_TTL_MINUTES * 60_000;
    const app = buildHttpServer({
      logger,
      readiness,
      tokens: identity.kind === "oidc" ? oidcTokens(identity, systemClock) : embeddedTokens(publicKeyFrom(identity.publicKey), systemClock),
      clock: systemClock,
      modes: {
        modes: jetStreamModeLog(backbone),
        previewer: services.previewer,
        pending: await kvPendingDeclarations(backbone.js, config.NATS_STREAM_REPLICAS, Math.max(24 * hour, 2 * approvalTtlMs)),
        clock: systemClock,
        newId,
        approval: { policy: config.APPROVAL_REQUIRED, ttlMs: approvalTtlMs },
      },
      services,
      idempotency: await kvIdempotencyStore(backbone.js, {
        replicas: config.NATS_STREAM_REPLICAS,
        ttlMs: config.IDEMPOTENCY_TTL_HOURS * hour,
        // Longer than any request can run (gRPC deadlines, JetStream failover), so a live claim never lapses.
        leaseMs: 60_000,
        clock: systemClock,
      }),
      audit: readModelAuditTrail(backbone, auditModel.audit),
      deadLetters: jetStreamDeadLetters(backbone),
      pages: {
        tileUrl: config.PAGES_TILE_URL,
        tileAttribution: config.PAGES_TILE_ATTRIBUTION,
        waitingStaleMinutes: config.WAITING_STALE_MINUTES,
      },
      live: {
        ...live,
        sse: { maxClients: config.SSE_MAX_CLIENTS, heartbeatMs: config.SSE_HEARTBEAT_MS },
        figures,
        feeds: { publicBaseUrl: config.PUBLIC_BASE_URL.replace(/\/$/, ""), capSender: config.CAP_SENDER },
      },
      edge: {
        corsOrigins: config.CORS_ORIGINS,
        hsts: config.HSTS,
        trustProxy: config.TRUST_PROXY,
        rateLimit: { perIp: config.RATE_LIMIT_PER_IP, perToken: config.RATE_LIMIT_PER_TOKEN, windowMs: config.RATE_LIMIT_WINDOW_MS },
      },
      signIn: signIn && {
        provider: oidcSignIn(signIn),
        issuer: signIn.issuer,
        sessionKey: signIn.sessionKey,
        sessionHours: signIn.sessionHours,
        publicBaseUrl: signIn.publicBaseUrl,
      },
      bodyLimit: config.BODY_LIMIT_BYTES,
      onDuty,
      counterWaiting: { log: jetStreamCounterWaitingLog(backbone), board: waitingBoard },
      incidents,
      counters,
      printer: chromiumPrinter({ chromiumPath: config.CHROMIUM_PATH, assets: shippedAssets() }),
    });
    const readModels = await keepReadModelsIn(config.MONGODB_URL, backbone, logger);
    return {
      http: { listen: async (host, port) => void (await app.listen({ host, port })), close: () => app.close() },
      workers: [
        { name: "stop following the status", stop: () => live.status.stop() },
        { name: "stop following staff on duty", stop: () => followingStaff.stop() },
        { name: "stop following counter waiting", stop: () => followingWaiting.stop() },
        { name: "stop following occupancy reports", stop: () => followingOccupancy.stop() },
        { name: "stop following the incident report's streams", stop: () => followingIncidents.stop() },
        { name: "close gRPC clients", stop: async () => services.close() },
        { name: "close the counters' gRPC client", stop: async () => counters.close() },
        ...readModels,
        {
          name: "stop keeping the audit trail's read model",
          stop: async () => {
            await followingAudit?.stop();
            await auditModel.close();
          },
        },
      ],
      facts: {
        identity: identity.kind === "oidc" ? `OIDC ${identity.issuer}` : "embedded key",
        signIn: signIn ? signIn.issuer : "off",
        approval: config.APPROVAL_REQUIRED,
      },
    };
  },
});
