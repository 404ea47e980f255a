import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { jetStreamPublisher, newId, runService, streams, systemClock } from "@crisis/platform";
import { CountersServiceService } from "@crisis/platform/contracts/counters_service";
import { CrowdingServiceService } from "@crisis/platform/contracts/crowding_service";
import { FacilitiesServiceService } from "@crisis/platform/contracts/facilities_service";
import { startBookingSweep } from "./adapters/cron/booking-sweep";
import { startMinuteTicker } from "./adapters/cron/minute-ticker";
import { checkPlaybookReasons, checkPlaybookServices, loadCounterServices, loadPlaybooks } from "./adapters/data/load-playbooks";
import { loadRegistry } from "./adapters/data/load-registry";
import { crowdingServer } from "./adapters/grpc/crowding-server";
import { countersServer } from "./adapters/grpc/counters-server";
import { facilitiesServer } from "./adapters/grpc/facilities-server";
import { replayBoard } from "./adapters/nats/board-replay";
import { kvBookingStore } from "./adapters/nats/booking-store";
import { kvTicketStore } from "./adapters/nats/ticket-store";
import { jetStreamDecisionLog } from "./adapters/nats/decision-log";
import { replayOccupancy } from "./adapters/nats/occupancy-replay";
import { consumeModeChanges } from "./adapters/nats/mode-consumer";
import { consumeLevelChangesForBookings } from "./adapters/nats/booking-review-consumer";
import { unfinishedDeclarations } from "./adapters/nats/unfinished-declarations";
import { finishDeclarations } from "./app/apply-playbook";
import { oneAtATime } from "./app/one-at-a-time";
import { onePerKey } from "./app/one-per-key";
import { FacilitiesDeps } from "./app/ports";
import { Scheduler } from "./app/run-schedule";
import { readConfig } from "./config";
import { CityBoard } from "./domain/city-board";
import { codeFromBytes } from "./domain/counters/booking";
import { checkThresholds } from "./domain/crowding";
import { ShelterOccupancy } from "./domain/occupancy";

runService({
  name: "facilities",
  readConfig,
  ports: (c) => ({ grpc: c.FACILITIES_GRPC_PORT, health: c.FACILITIES_HEALTH_PORT }),
  streams: [streams.mode, streams.facility, streams.service, streams.shelter, streams.counter, streams.facilitiesDecision],
  // One in-memory model fed by shared durable consumers: a second instance waits as a hot standby.
  singleActive: true,
  wire: async (config, backbone, logger) => {
    const dir = config.FACILITIES_DATA_DIR;
    const registry = loadRegistry(dir, config.FACILITIES_PUBLIC_CSV);
    for (const row of registry.rejected) logger.warn({ file: row.file, line: row.line, problem: row.problem }, "registry row skipped");
    const services = loadCounterServices(join(dir, "counter_services.yaml"));
    const playbooks = checkPlaybookReasons(checkPlaybookServices(loadPlaybooks(join(dir, "playbooks")), services));
    const board = new CityBoard(registry.facilities, services);
    const replayed = await replayBoard(backbone, board, playbooks);
    const deps: FacilitiesDeps = {
      board,
      playbooks,
      events: jetStreamPublisher(backbone.js),
      decisions: jetStreamDecisionLog(backbone.js),
      clock: systemClock,
      newId,
      exclusive: oneAtATime(),
    };
    const crowdingSettings = {
      thresholds: checkThresholds({
        busyPercent: config.CROWDING_BUSY_PERCENT,
        crowdedPercent: config.CROWDING_CROWDED_PERCENT,
        fullPercent: config.CROWDING_FULL_PERCENT,
        marginPercent: config.CROWDING_MARGIN_PERCENT,
      }),
      staleAfterMs: config.OCCUPANCY_STALE_MINUTES * 60_000,
    };
    const occupancy = new ShelterOccupancy(board, crowdingSettings);
    const reports = await replayOccupancy(backbone, occupancy);
    const crowding = {
      ...deps,
      occupancy,
      settings: crowdingSettings,
      nearestCount: config.CROWDING_NEAREST_COUNT,
    };
    // The board must be caught up with the declarations before the consumer, the ticker or a staff
    // decision publishes anything computed against it.
    const finished = await finishDeclarations(deps, await unfinishedDeclarations(backbone, board.current?.modeEventId), logger);
    const counters = {
      board,
      store: await kvBookingStore(backbone.js, { replicas: config.NATS_STREAM_REPLICAS }),
      events: deps.events,
      clock: systemClock,
      newId,
      newCode: () => codeFromBytes(randomBytes(8)),
      settings: {
        slotMinutes: config.COUNTER_SLOT_MINUTES,
        placesPerSlot: config.COUNTER_PLACES_PER_SLOT,
        retentionDays: config.BOOKING_RETENTION_DAYS,
        moveDays: config.BOOKING_MOVE_DAYS,
      },
      perSlot: onePerKey(),
    };
    const tickets = {
      ...counters,
      tickets: await kvTicketStore(backbone.js, { replicas: config.NATS_STREAM_REPLICAS }),
      ticketSettings: { aheadWhenNear: config.TICKET_AHEAD_PUSH, minutesPerPerson: config.TICKET_MINUTES_PER_PERSON },
    };
    const consumer = await consumeModeChanges(backbone, deps, logger);
    const bookingReview = await consumeLevelChangesForBookings(backbone, counters, logger, tickets);
    const ticker = startMinuteTicker(new Scheduler(deps), deps, logger);
    const sweep = startBookingSweep(counters, logger);
    return {
      grpc: [
        { definition: FacilitiesServiceService, implementation: facilitiesServer(deps, logger, crowding) },
        { definition: CrowdingServiceService, implementation: crowdingServer(crowding, logger) },
        { definition: CountersServiceService, implementation: countersServer(counters, tickets, logger) },
      ],
      workers: [
        { name: "stop the schedule", stop: () => ticker.stop() },
        { name: "stop the booking sweep", stop: () => sweep.stop() },
        { name: "stop applying playbooks", stop: () => consumer.stop() },
        { name: "stop reviewing bookings", stop: () => bookingReview.stop() },
      ],
      facts: {
        facilities: registry.facilities.length,
        rejectedRows: registry.rejected.length,
        services: board.serviceDefs.size,
        playbooks: playbooks.length,
        ...replayed,
        finishedDeclarations: finished,
        occupancyReports: reports,
      },
    };
  },
});
