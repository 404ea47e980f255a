import { connectBackbone, createLogger, createReadiness, ensureStreams, newId, onShutdown, streams, systemClock } from "@crisis/platform";
import { publicKeyFrom } from "./adapters/auth/tokens";
import { serviceClients } from "./adapters/grpc/clients";
import { buildHttpServer } from "./adapters/http/server";
import { jetStreamModeLog } from "./adapters/nats/mode-log";
import { readConfig } from "./config";

async function main() {
  const config = readConfig();
  const logger = createLogger("gateway", config.LOG_LEVEL);
  const readiness = createReadiness();
  const backbone = await connectBackbone(config.NATS_URL, "gateway", logger);
  await ensureStreams(backbone.jsm, [streams.mode], config.NATS_STREAM_REPLICAS);
  const services = serviceClients({
    facilities: config.FACILITIES_GRPC,
    staffing: config.STAFFING_GRPC,
    notify: config.NOTIFY_GRPC,
    deadlineMs: config.GRPC_DEADLINE_MS,
  });
  const app = buildHttpServer({
    logger,
    readiness,
    tokenKey: publicKeyFrom(config.TOKEN_PUBLIC_KEY),
    clock: systemClock,
    modes: { modes: jetStreamModeLog(backbone), clock: systemClock, newId },
    services,
    pages: { tileUrl: config.PAGES_TILE_URL, tileAttribution: config.PAGES_TILE_ATTRIBUTION },
  });
  await app.listen({ host: config.BIND_HOST, port: config.GATEWAY_PORT });
  readiness.add("nats", backbone.connected);
  onShutdown(logger, [
    { name: "stop HTTP (finishes in-flight requests)", run: () => app.close() },
    { name: "close gRPC clients", run: async () => services.close() },
    { name: "drain NATS", run: () => backbone.nc.drain() },
  ]);
}

main().catch((err) => {
  createLogger("gateway").fatal({ err }, "gateway failed to start");
  process.exit(1);
});
