import { Backbone, Logger, decodeEvent, eventHandlerAttempts, eventTypes, runDurableConsumer, streams, withCorrelation } from "@crisis/platform";
import { ApplyPlaybookDeps, applyPlaybook } from "../../app/apply-playbook";

/** Applies the playbook for every declared mode, in order, acknowledging only once applied. */
export function consumeModeChanges(backbone: Backbone, deps: ApplyPlaybookDeps, logger: Logger) {
  return runDurableConsumer(
    backbone.js,
    backbone.jsm,
    { stream: streams.mode.name, durable: "facilities-playbook", filterSubject: eventTypes.modeChanged.subject, maxAttempts: eventHandlerAttempts },
    async (msg) => {
      const { event, correlationId } = decodeEvent(eventTypes.modeChanged, msg);
      await applyPlaybook(deps, event, correlationId, withCorrelation(logger, correlationId));
    },
    logger,
  );
}
