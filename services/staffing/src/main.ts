import {
  StaffingServiceService,
  connectBackbone,
  createLogger,
  createReadiness,
  ensureStreams,
  onShutdown,
  startGrpcServer,
  startHealthServer,
  eventTypes,
  readLastEvent,
  streams,
} from "@crisis/platform";
import { staffingServer } from "./adapters/grpc/staffing-server";
import { consumeModeChanges } from "./adapters/nats/mode-consumer";
import { planForMode } from "./app/plan-for-mode";
import { generateCity } from "./domain";
import { readConfig } from "./config";

async function main() {
  const config = readConfig();
  const logger = createLogger("staffing", config.LOG_LEVEL);
  const readiness = createReadiness();
  const health = await startHealthServer(config.BIND_HOST, config.STAFFING_HEALTH_PORT, readiness);
  const backbone = await connectBackbone(config.NATS_URL, "staffing", logger);
  await ensureStreams(backbone.jsm, [streams.mode, streams.staff]);
  const roster = generateCity({ seed: config.STAFFING_SYNTHETIC_SEED });
  let summary = await planForMode(roster, (await readLastEvent(backbone.jsm, streams.mode.name, eventTypes.modeChanged)).event?.mode);
  const consumer = await consumeModeChanges(backbone, roster, (planned) => (summary = planned), logger);
  const grpc = await startGrpcServer(config.BIND_HOST, config.STAFFING_GRPC_PORT, [
    { definition: StaffingServiceService, implementation: staffingServer(() => summary, logger) },
  ]);
  readiness.add("nats", backbone.connected);
  logger.info({ grpcPort: grpc.port, healthPort: health.port, staff: roster.staff.length, syntheticRoster: true }, "staffing ready");
  onShutdown(logger, [
    { name: "stop gRPC", run: () => grpc.stop() },
    { name: "stop planning", run: () => consumer.stop() },
    { name: "drain NATS", run: () => backbone.nc.drain() },
    { name: "stop health", run: () => health.stop() },
  ]);
}

main().catch((err) => {
  createLogger("staffing").fatal({ err }, "staffing failed to start");
  process.exit(1);
});
