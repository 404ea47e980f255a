import {
  FacilitiesServiceService,
  connectBackbone,
  createLogger,
  createReadiness,
  ensureStreams,
  onShutdown,
  startGrpcServer,
  startHealthServer,
  streams,
  systemClock,
} from "@crisis/platform";
import { jetStreamFacilityEvents } from "./adapters/nats/facility-events";
import { replayBoard } from "./adapters/nats/board-replay";
import { consumeModeChanges } from "./adapters/nats/mode-consumer";
import { facilitiesServer } from "./adapters/grpc/facilities-server";
import { loadRegistry } from "./adapters/data/load-registry";
import { readConfig } from "./config";
import { FacilityBoard } from "./domain/facility-board";

async function main() {
  const config = readConfig();
  const logger = createLogger("facilities", config.LOG_LEVEL);
  const readiness = createReadiness();
  const health = await startHealthServer(config.BIND_HOST, config.FACILITIES_HEALTH_PORT, readiness);
  const backbone = await connectBackbone(config.NATS_URL, "facilities", logger);
  await ensureStreams(backbone.jsm, [streams.mode, streams.facility]);
  const board = new FacilityBoard(loadRegistry(config.FACILITIES_DATA_DIR));
  const replayed = await replayBoard(backbone, board);
  const consumer = await consumeModeChanges(backbone, { board, events: jetStreamFacilityEvents(backbone.js), clock: systemClock }, logger);
  const grpc = await startGrpcServer(config.BIND_HOST, config.FACILITIES_GRPC_PORT, [
    { definition: FacilitiesServiceService, implementation: facilitiesServer(board, logger) },
  ]);
  readiness.add("nats", backbone.connected);
  logger.info({ facilities: board.facilities.length, replayed, grpcPort: grpc.port, healthPort: health.port }, "facilities ready");
  onShutdown(logger, [
    { name: "stop consuming", run: () => consumer.stop() },
    { name: "stop gRPC", run: () => grpc.stop() },
    { name: "drain NATS", run: () => backbone.nc.drain() },
    { name: "stop health", run: () => health.stop() },
  ]);
}

main().catch((err) => {
  createLogger("facilities").fatal({ err }, "facilities failed to start");
  process.exit(1);
});
