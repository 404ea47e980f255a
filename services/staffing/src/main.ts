import { jetStreamPublisher, readLastEvent, runService, streams, systemClock } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { StaffingServiceService } from "@crisis/platform/contracts/staffing_service";
import { DutiesServiceService } from "@crisis/platform/contracts/duties_service";
import { startReminderTicker } from "./adapters/cron/reminder-ticker";
import { dutiesServer } from "./adapters/grpc/duties-server";
import { kvDutyBook } from "./adapters/nats/duty-book";
import { kvPlanStore } from "./adapters/nats/plan-store";
import { kvTeamStore } from "./adapters/nats/team-store";
import { myTeamToWire, settingsFromWire, teamOutToWire, teamPlanToWire, teamsNowToWire } from "./adapters/grpc/team-wire";
import { RosterWithTeamsOut } from "./app/roster-with-teams-out";
import { declareTeamOut, endTeamOut, planTeams, readMyTeam, readTeams } from "./app/team-rotas";
import { answerNotice } from "./app/answer-notice";
import { replaceOnPost } from "./app/replace-on-post";
import { readAcknowledgements } from "./app/read-acknowledgements";
import { readStaffDuties } from "./app/read-staff-duties";
import { readCoverage } from "./app/read-coverage";
import { readDutyRoster } from "./app/read-duty-roster";
import { readDutyServed } from "./app/read-duty-served";
import { remindUnanswered } from "./app/remind-unanswered";
import { releaseEndedPosts } from "./app/release-ended-posts";
import { loadPostTemplates } from "./adapters/data/load-post-templates";
import { loadRoster } from "./adapters/data/load-roster";
import { staffingServer } from "./adapters/grpc/staffing-server";
import { consumeModeChanges } from "./adapters/nats/mode-consumer";
import { followCounters, followShelters } from "./adapters/nats/planner-inputs";
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
    const staff = new RosterWithTeamsOut(roster(config, logger));
    const templates = loadPostTemplates(config.STAFFING_POST_TEMPLATES);
    const solver = highsWorkerSolver();
    const book = new PlanBook(await kvPlanStore(backbone.js, config.NATS_STREAM_REPLICAS));
    await book.restore();
    const events = jetStreamPublisher(backbone.js);
    const duties = await kvDutyBook(backbone.js, config.NATS_STREAM_REPLICAS, logger);
    const served = (planned: ReadonlySet<string>) => readDutyServed({ duties, clock: systemClock }, planned);
    const planning = { roster: staff, templates, solver, clock: systemClock, book, events, duties, logger, served };
    const times = {
      remindAfterMs: config.STAFFING_ACK_REMIND_MINUTES * 60_000,
      escalateAfterMs: config.STAFFING_ACK_ESCALATE_MINUTES * 60_000,
    };
    const answering = { roster: staff, book, duties, solver, events, clock: systemClock, served };
    const teams = await kvTeamStore(backbone.js, config.NATS_STREAM_REPLICAS);
    staff.follow(await teams.all());
    const teamDeps = { ...answering, teams, outs: staff };
    const planner: PostPlanner = new PostPlanner({
      ...planning,
      settleMs: 500,
      onSettled: config.STAFFING_AUTO_APPLY_FIRST_PLAN ? () => autoApplyPlan({ ...planning, planner }) : undefined,
    });
    const last = await readLastEvent(backbone.jsm, streams.mode.name, eventTypes.modeChanged);
    planner.restoreMode(last.event?.mode);
    const shelters = await followShelters(backbone, planner, logger);
    const counters = await followCounters(backbone, planner, logger);
    await planner.replan();
    const modes = await consumeModeChanges(backbone, planner, logger);
    const reminders = startReminderTicker(async () => {
      await planner.rollForward();
      await releaseEndedPosts({ ...answering, planner, templates });
      await remindUnanswered({ ...answering, times, logger });
    }, logger);
    return {
      grpc: [
        {
          definition: StaffingServiceService,
          implementation: staffingServer(
            {
              summary: () => planner.current(),
              propose: () => proposeStaffingPlan({ roster: staff, templates, solver, clock: systemClock, planner, book, served }),
              apply: (planId, appliedBy, correlationId) =>
                applyStaffingPlan(
                  { planner, book, events, clock: systemClock, roster: staff, duties },
                  planId,
                  correlationId,
                  appliedBy || "unknown",
                ),
              planTeams: async (r, correlationId) =>
                teamPlanToWire(await planTeams(teamDeps, settingsFromWire(r, staff.departments), r.firstDay, r.apply, correlationId)),
              declareTeamOut: async (r, correlationId) => {
                const until = new Date(r.until);
                return teamOutToWire(r.teamId, until, await declareTeamOut(teamDeps, r.teamId, r.reason, until, correlationId));
              },
              endTeamOut: async (r, correlationId) => {
                await endTeamOut(teamDeps, r.teamId, correlationId);
                return { teamId: r.teamId };
              },
              teams: async (r) => teamsNowToWire(await readTeams(teamDeps, Math.min(r.days || 14, 92)), systemClock.now()),
              myTeam: async (r) => myTeamToWire(await readMyTeam(teamDeps, r.staffId)),
            },
            logger,
          ),
        },
        {
          definition: DutiesServiceService,
          implementation: dutiesServer(
            {
              duties: (staffId) => readStaffDuties({ roster: staff, duties, clock: systemClock }, staffId),
              answer: (r, correlationId) =>
                answerNotice(
                  answering,
                  r.staffId,
                  r.noticeId,
                  r.decline ? { decline: true, reason: r.reason } : { decline: false },
                  correlationId,
                ),
              replace: (r, correlationId) => replaceOnPost(answering, r, correlationId),
              acknowledgements: () =>
                readAcknowledgements({ roster: staff, duties, clock: systemClock, remindAfterMs: times.remindAfterMs }),
              roster: () => readDutyRoster({ roster: staff, duties, clock: systemClock }),
              coverage: () => readCoverage({ roster: staff, book }),
            },
            logger,
          ),
        },
      ],
      workers: [
        { name: "stop reminding", stop: () => reminders.stop() },
        { name: "stop following modes", stop: () => modes.stop() },
        { name: "stop following shelters", stop: () => shelters.consumer.stop() },
        { name: "stop following counters", stop: () => counters.consumer.stop() },
        { name: "finish planning", stop: () => planner.settled().then(() => solver.close()) },
        { name: "stop watching duties", stop: async () => duties.stop() },
      ],
      facts: { staff: staff.staff.length, syntheticRoster: !config.STAFFING_ROSTER_CSV, shelterEventsReplayed: shelters.replayed },
    };
  },
});
