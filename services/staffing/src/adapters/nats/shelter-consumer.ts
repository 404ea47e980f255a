import { Backbone, Logger, decodeEvent, eventHandlerAttempts, replaySubject, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import type { PostPlanner } from "../../app/keep-posts-planned";

/** Rebuilds the open shelters from every stored status event, at start, before planning. */
export function replayShelters(backbone: Backbone, planner: PostPlanner): Promise<number> {
  return replaySubject(backbone.js, backbone.jsm, streams.facility.name, eventTypes.facilityStatusChanged.subject, (msg) =>
    planner.restoreShelter(decodeEvent(eventTypes.facilityStatusChanged, msg).event),
  );
}

/** Follows the shelters facilities opens and closes: staffing plans posts for what facilities published. */
export function consumeShelterChanges(backbone: Backbone, planner: PostPlanner, logger: Logger) {
  return runEventConsumer(
    backbone,
    eventTypes.facilityStatusChanged,
    { stream: streams.facility.name, durable: "staffing-shelters", maxAttempts: eventHandlerAttempts, concurrency: 32 },
    async (change) => planner.shelterChanged(change),
    logger,
  );
}
