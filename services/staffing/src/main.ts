import { readLastEvent, runService, streams, systemClock } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { StaffingServiceService } from "@crisis/platform/contracts/staffing_service";
import { loadPostTemplates } from "./adapters/data/load-post-templates";
import { loadRoster } from "./adapters/data/load-roster";
import { staffingServer } from "./adapters/grpc/staffing-server";
import { consumeModeChanges } from "./adapters/nats/mode-consumer";
import { consumeServiceLevels, replayServiceLevels } from "./adapters/nats/service-level-consumer";
import { consumeShelterChanges, replayShelters } from "./adapters/nats/shelter-consumer";
import { staffEvents } from "./adapters/nats/staff-events";
import { highsWorkerSolver } from "./adapters/solver/highs-worker";
import { applyStaffingPlan } from "./app/apply-staffing-plan";
import { autoApplyPlan } from "./app/auto-apply-plan";
import { PlanBook } from "./app/plan-book";
import { proposeStaffingPlan } from "./app/propose-staffing-plan";
import { PostPlanner } from "./app/keep-posts-planned";
import type { Roster } from "./app/ports";
import { readConfig, type StaffingConfig } from "./config";
import { generateCity } from "./fixtures";
import type { Logger } from "@crisis/platform";

/** The city's own roster when one is configured; otherwise the labelled made-up city, said loudly. */
function roster(config: StaffingConfig, logger: Logger): Roster {
  if (!config.STAFFING_ROSTER_CSV || !config.STAFFING_DEPARTMENTS_CSV) {
    logger.warn(
      { seed: config.STAFFING_SYNTHETIC_SEED },
      "STAFFING_ROSTER_CSV is not set: planning with a MADE-UP city (names marked （架空）), not the city's staff",
    );
    return generateCity({ seed: config.STAFFING_SYNTHETIC_SEED });
  }
  const { roster, problems } = loadRoster(config.STAFFING_ROSTER_CSV, config.STAFFING_DEPARTMENTS_CSV);
  for (const p of problems) logger.warn({ file: p.file, line: p.line, code: p.code, field: p.field }, `roster row skipped: ${p.message}`);
  logger.info({ staff: roster.staff.length, departments: roster.departments.length, skipped: problems.length }, "roster loaded");
  return roster;
}

runService({
  name: "staffing",
  readConfig,
  ports: (c) => ({ grpc: c.STAFFING_GRPC_PORT, health: c.STAFFING_HEALTH_PORT }),
  streams: [streams.mode, streams.facility, streams.service, streams.staff],
  // One in-memory model fed by shared durable consumers: a second instance waits as a hot standby.
  singleActive: true,
  wire: async (config, backbone, logger) => {
    const staff = roster(config, logger);
    const templates = loadPostTemplates(config.STAFFING_POST_TEMPLATES);
    const solver = highsWorkerSolver();
    const book = new PlanBook();
    const events = staffEvents(backbone);
    const planning = { roster: staff, templates, solver, clock: systemClock, book, events, logger };
    const planner: PostPlanner = new PostPlanner({
      ...planning,
      settleMs: 500,
      onSettled: config.STAFFING_AUTO_APPLY_FIRST_PLAN ? () => autoApplyPlan({ ...planning, planner }) : undefined,
    });
    const last = await readLastEvent(backbone.jsm, streams.mode.name, eventTypes.modeChanged);
    planner.restoreMode(last.event?.mode);
    const replayed = await replayShelters(backbone, planner);
    await replayServiceLevels(backbone, planner);
    await planner.replan();
    const modes = await consumeModeChanges(backbone, planner, logger);
    const shelters = await consumeShelterChanges(backbone, planner, logger);
    const counters = await consumeServiceLevels(backbone, planner, logger);
    return {
      grpc: [
        {
          definition: StaffingServiceService,
          implementation: staffingServer(
            {
              summary: () => planner.current(),
              propose: () => proposeStaffingPlan({ roster: staff, templates, solver, clock: systemClock, planner, book }),
              apply: (planId, appliedBy, correlationId) =>
                applyStaffingPlan(
                  { planner, book, events, clock: systemClock, roster: staff },
                  planId,
                  correlationId,
                  appliedBy || "unknown",
                ),
            },
            logger,
          ),
        },
      ],
      workers: [
        { name: "stop following modes", stop: () => modes.stop() },
        { name: "stop following shelters", stop: () => shelters.stop() },
        { name: "stop following counters", stop: () => counters.stop() },
        { name: "finish planning", stop: () => planner.settled().then(() => solver.close()) },
      ],
      facts: { staff: staff.staff.length, syntheticRoster: !config.STAFFING_ROSTER_CSV, shelterEventsReplayed: replayed },
    };
  },
});
