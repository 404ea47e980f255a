import { Backbone, Logger, eventHandlerAttempts, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { ApplyPlaybookDeps, applyPlaybook } from "../../app/apply-playbook";

/** Applies the playbook for every declared mode, in order, acknowledging only once applied. */
export function consumeModeChanges(backbone: Backbone, deps: ApplyPlaybookDeps, logger: Logger) {
  return runEventConsumer(
    backbone,
    eventTypes.modeChanged,
    { stream: streams.mode.name, durable: "facilities-playbook", maxAttempts: eventHandlerAttempts },
    (declared, ctx) => applyPlaybook(deps, declared, ctx.correlationId, ctx.logger),
    logger,
  );
}
