import { Backbone, Logger, decodeEvent, eventHandlerAttempts, eventTypes, runDurableConsumer, streams, withCorrelation } from "@crisis/platform";
import { Roster, StaffingSummary, planForMode } from "../../app/plan-for-mode";

/** Re-plans the emergency posts whenever a mode is declared; the newest plan is what the summary shows. */
export function consumeModeChanges(backbone: Backbone, roster: Roster, onPlanned: (summary: StaffingSummary) => void, logger: Logger) {
  return runDurableConsumer(
    backbone.js,
    backbone.jsm,
    { stream: streams.mode.name, durable: "staffing-plans", filterSubject: eventTypes.modeChanged.subject, maxAttempts: eventHandlerAttempts },
    async (msg) => {
      const { event, correlationId } = decodeEvent(eventTypes.modeChanged, msg);
      const summary = await planForMode(roster, event.mode);
      onPlanned(summary);
      withCorrelation(logger, correlationId).info(
        { modeEventId: event.eventId, posts: summary.posts, required: summary.positionsRequired, covered: summary.positionsCovered },
        "emergency posts planned",
      );
    },
    logger,
  );
}
