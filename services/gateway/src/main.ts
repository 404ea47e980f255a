import { connectBackbone, createLogger, createReadiness, ensureStreams, newId, onShutdown, streams, systemClock } from "@crisis/platform";
import { publicKeyFrom } from "./adapters/auth/tokens";
import { serviceClients } from "./adapters/grpc/clients";
import { buildHttpServer } from "./adapters/http/server";
import { jetStreamModeLog } from "./adapters/nats/mode-log";
import { jetStreamStatusEvents, statusStreamHeads } from "./adapters/nats/status-feed";
import { LiveStatus } from "./app/follow-status";
import { readConfig } from "./config";

async function main() {
  const config = readConfig();
  const logger = createLogger("gateway", config.LOG_LEVEL);
  const readiness = createReadiness();
  const backbone = await connectBackbone(config.NATS_URL, "gateway", logger);
  await ensureStreams(backbone.jsm, [streams.mode, streams.facility, streams.service], config.NATS_STREAM_REPLICAS);
  const services = serviceClients({
    facilities: config.FACILITIES_GRPC,
    staffing: config.STAFFING_GRPC,
    notify: config.NOTIFY_GRPC,
    deadlineMs: config.GRPC_DEADLINE_MS,
  });
  const statusEvents = jetStreamStatusEvents(backbone);
  const live = new LiveStatus({
    events: statusEvents,
    directory: services.directory,
    clock: systemClock,
    onError: (err, what) => logger.warn({ err }, `${what} failed; retrying`),
  });
  await live.start();
  const app = buildHttpServer({
    logger,
    readiness,
    tokenKey: publicKeyFrom(config.TOKEN_PUBLIC_KEY),
    clock: systemClock,
    modes: { modes: jetStreamModeLog(backbone), clock: systemClock, newId },
    services,
    live: {
      status: live,
      events: statusEvents,
      sse: { maxClients: config.SSE_MAX_CLIENTS, heartbeatMs: config.SSE_HEARTBEAT_MS },
      feeds: { publicBaseUrl: config.PUBLIC_BASE_URL.replace(/\/$/, ""), capSender: config.CAP_SENDER },
      lag: async () => {
        const heads = await statusStreamHeads(backbone);
        return {
          mode: heads.mode - live.position.mode,
          facility: heads.facility - live.position.facility,
          service: heads.service - live.position.service,
        };
      },
    },
    edge: {
      corsOrigins: config.CORS_ORIGINS,
      hsts: config.HSTS,
      rateLimit: { perIp: config.RATE_LIMIT_PER_IP, perToken: config.RATE_LIMIT_PER_TOKEN, windowMs: config.RATE_LIMIT_WINDOW_MS },
    },
    bodyLimit: config.BODY_LIMIT_BYTES,
  });
  await app.listen({ host: config.BIND_HOST, port: config.GATEWAY_PORT });
  readiness.add("nats", backbone.connected);
  readiness.add("status", live.ready);
  onShutdown(logger, [
    { name: "stop HTTP (finishes in-flight requests)", run: () => app.close() },
    { name: "stop following the status", run: () => live.stop() },
    { name: "close gRPC clients", run: async () => services.close() },
    { name: "drain NATS", run: () => backbone.nc.drain() },
  ]);
}

main().catch((err) => {
  createLogger("gateway").fatal({ err }, "gateway failed to start");
  process.exit(1);
});
