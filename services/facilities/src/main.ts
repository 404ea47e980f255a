import { runService, streams, systemClock } from "@crisis/platform";
import { FacilitiesServiceService } from "@crisis/platform/contracts/facilities_service";
import { loadRegistry } from "./adapters/data/load-registry";
import { facilitiesServer } from "./adapters/grpc/facilities-server";
import { replayBoard } from "./adapters/nats/board-replay";
import { jetStreamFacilityEvents } from "./adapters/nats/facility-events";
import { consumeModeChanges } from "./adapters/nats/mode-consumer";
import { readConfig } from "./config";
import { FacilityBoard } from "./domain/facility-board";

runService({
  name: "facilities",
  readConfig,
  ports: (c) => ({ grpc: c.FACILITIES_GRPC_PORT, health: c.FACILITIES_HEALTH_PORT }),
  streams: [streams.mode, streams.facility, streams.service],
  wire: async (config, backbone, logger) => {
    const registry = loadRegistry(config.FACILITIES_DATA_DIR);
    for (const row of registry.rejected) logger.warn({ file: row.file, line: row.line, problem: row.problem }, "registry row skipped");
    const board = new FacilityBoard(registry.facilities);
    const replayed = await replayBoard(backbone, board);
    const consumer = await consumeModeChanges(
      backbone,
      { board, events: jetStreamFacilityEvents(backbone.js), clock: systemClock },
      logger,
    );
    return {
      grpc: [{ definition: FacilitiesServiceService, implementation: facilitiesServer(board, systemClock, logger) }],
      workers: [{ name: "stop applying playbooks", stop: () => consumer.stop() }],
      facts: { facilities: board.facilities.length, replayed },
    };
  },
});
