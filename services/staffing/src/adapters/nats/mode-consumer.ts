import { Backbone, Logger, eventHandlerAttempts, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import type { PostPlanner } from "../../app/keep-posts-planned";

/** The mode in force picks each department's floor and whether the call centre runs. */
export function consumeModeChanges(backbone: Backbone, planner: PostPlanner, logger: Logger) {
  return runEventConsumer(
    backbone,
    eventTypes.modeChanged,
    { stream: streams.mode.name, durable: "staffing-plans", maxAttempts: eventHandlerAttempts },
    async (declared, ctx) => {
      planner.modeChanged(declared.mode);
      ctx.logger.info({ modeEventId: declared.eventId }, "mode changed; re-planning emergency posts");
    },
    logger,
  );
}
