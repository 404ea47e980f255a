import { join } from "node:path";
import { newId, runService, streams, systemClock } from "@crisis/platform";
import { FacilitiesServiceService } from "@crisis/platform/contracts/facilities_service";
import { startMinuteTicker } from "./adapters/cron/minute-ticker";
import { checkPlaybookServices, loadCounterServices, loadPlaybooks } from "./adapters/data/load-playbooks";
import { loadRegistry } from "./adapters/data/load-registry";
import { facilitiesServer } from "./adapters/grpc/facilities-server";
import { replayBoard } from "./adapters/nats/board-replay";
import { decisionStream, jetStreamDecisionLog } from "./adapters/nats/decision-log";
import { jetStreamFacilityEvents } from "./adapters/nats/facility-events";
import { consumeModeChanges } from "./adapters/nats/mode-consumer";
import { oneAtATime } from "./app/one-at-a-time";
import { FacilitiesDeps } from "./app/ports";
import { Scheduler } from "./app/run-schedule";
import { readConfig } from "./config";
import { CityBoard } from "./domain/city-board";

runService({
  name: "facilities",
  readConfig,
  ports: (c) => ({ grpc: c.FACILITIES_GRPC_PORT, health: c.FACILITIES_HEALTH_PORT }),
  streams: [streams.mode, streams.facility, streams.service, decisionStream],
  // One in-memory model fed by shared durable consumers: a second instance waits as a hot standby.
  singleActive: true,
  wire: async (config, backbone, logger) => {
    const dir = config.FACILITIES_DATA_DIR;
    const registry = loadRegistry(dir, config.FACILITIES_PUBLIC_CSV);
    for (const row of registry.rejected) logger.warn({ file: row.file, line: row.line, problem: row.problem }, "registry row skipped");
    const services = loadCounterServices(join(dir, "counter_services.yaml"));
    const playbooks = checkPlaybookServices(loadPlaybooks(join(dir, "playbooks")), services);
    const board = new CityBoard(registry.facilities, services);
    const replayed = await replayBoard(backbone, board, playbooks);
    const deps: FacilitiesDeps = {
      board,
      playbooks,
      events: jetStreamFacilityEvents(backbone.js),
      decisions: jetStreamDecisionLog(backbone.js),
      clock: systemClock,
      newId,
      exclusive: oneAtATime(),
    };
    const consumer = await consumeModeChanges(backbone, deps, logger);
    const ticker = startMinuteTicker(new Scheduler(deps), deps, logger);
    return {
      grpc: [{ definition: FacilitiesServiceService, implementation: facilitiesServer(deps, logger) }],
      workers: [
        { name: "stop the schedule", stop: () => ticker.stop() },
        { name: "stop applying playbooks", stop: () => consumer.stop() },
      ],
      facts: {
        facilities: registry.facilities.length,
        rejectedRows: registry.rejected.length,
        services: board.serviceDefs.size,
        playbooks: playbooks.length,
        ...replayed,
      },
    };
  },
});
