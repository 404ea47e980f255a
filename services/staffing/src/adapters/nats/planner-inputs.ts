import { Backbone, Logger, eventHandlerAttempts, replayThenFollow, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import type { PostPlanner } from "../../app/keep-posts-planned";

/**
 * The shelters facilities opens and closes: rebuilt from every stored status event at start, then
 * followed. Staffing plans posts for exactly what facilities published.
 */
export const followShelters = (backbone: Backbone, planner: PostPlanner, logger: Logger) =>
  replayThenFollow(
    backbone,
    eventTypes.facilityStatusChanged,
    { stream: streams.facility.name, durable: "staffing-shelters", maxAttempts: eventHandlerAttempts, concurrency: 32 },
    (event) => planner.restoreShelter(event),
    async (event) => planner.shelterChanged(event),
    logger,
  );

/** Counter services going to (and back from) the extended level: their counters need staff. */
export const followCounters = (backbone: Backbone, planner: PostPlanner, logger: Logger) =>
  replayThenFollow(
    backbone,
    eventTypes.serviceLevelChanged,
    { stream: streams.service.name, durable: "staffing-counters", maxAttempts: eventHandlerAttempts, concurrency: 8 },
    (event) => planner.restoreCounter(event),
    async (event) => planner.serviceLevelChanged(event),
    logger,
  );
