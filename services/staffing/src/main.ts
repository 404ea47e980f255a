import {
  StaffingServiceService,
  connectBackbone,
  createLogger,
  createReadiness,
  ensureStreams,
  onShutdown,
  startGrpcServer,
  startHealthServer,
  streams,
} from "@crisis/platform";
import { staffingServer } from "./adapters/grpc/staffing-server";
import { readConfig } from "./config";

async function main() {
  const config = readConfig();
  const logger = createLogger("staffing", config.LOG_LEVEL);
  const readiness = createReadiness();
  const health = await startHealthServer(config.BIND_HOST, config.STAFFING_HEALTH_PORT, readiness);
  const backbone = await connectBackbone(config.NATS_URL, "staffing", logger);
  await ensureStreams(backbone.jsm, [streams.mode, streams.staff]);
  const grpc = await startGrpcServer(config.BIND_HOST, config.STAFFING_GRPC_PORT, [
    { definition: StaffingServiceService, implementation: staffingServer(backbone, logger) },
  ]);
  readiness.add("nats", backbone.connected);
  logger.info({ grpcPort: grpc.port, healthPort: health.port }, "staffing ready");
  onShutdown(logger, [
    { name: "stop gRPC", run: () => grpc.stop() },
    { name: "drain NATS", run: () => backbone.nc.drain() },
    { name: "stop health", run: () => health.stop() },
  ]);
}

main().catch((err) => {
  createLogger("staffing").fatal({ err }, "staffing failed to start");
  process.exit(1);
});
