import { Backbone, Logger, eventHandlerAttempts, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { Roster, StaffingSummary, planForMode } from "../../app/plan-for-mode";

/** Re-plans the emergency posts whenever a mode is declared; the newest plan is what the summary shows. */
export function consumeModeChanges(backbone: Backbone, roster: Roster, onPlanned: (summary: StaffingSummary) => void, logger: Logger) {
  return runEventConsumer(
    backbone,
    eventTypes.modeChanged,
    { stream: streams.mode.name, durable: "staffing-plans", maxAttempts: eventHandlerAttempts },
    async (declared, ctx) => {
      const summary = await planForMode(roster, declared.mode);
      onPlanned(summary);
      ctx.logger.info(
        { modeEventId: declared.eventId, posts: summary.posts, required: summary.positionsRequired, covered: summary.positionsCovered },
        "emergency posts planned",
      );
    },
    logger,
  );
}
