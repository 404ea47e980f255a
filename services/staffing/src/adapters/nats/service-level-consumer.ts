import { Backbone, Logger, decodeEvent, eventHandlerAttempts, replaySubject, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import type { PostPlanner } from "../../app/keep-posts-planned";

/** Rebuilds the extended counter services from every stored service level event, at start. */
export function replayServiceLevels(backbone: Backbone, planner: PostPlanner): Promise<number> {
  return replaySubject(backbone.js, backbone.jsm, streams.service.name, eventTypes.serviceLevelChanged.subject, (msg) =>
    planner.restoreCounter(decodeEvent(eventTypes.serviceLevelChanged, msg).event),
  );
}

/** Follows counter services going to (and back from) the extended level: their counters need staff. */
export function consumeServiceLevels(backbone: Backbone, planner: PostPlanner, logger: Logger) {
  return runEventConsumer(
    backbone,
    eventTypes.serviceLevelChanged,
    { stream: streams.service.name, durable: "staffing-counters", maxAttempts: eventHandlerAttempts, concurrency: 8 },
    async (change) => planner.serviceLevelChanged(change),
    logger,
  );
}
