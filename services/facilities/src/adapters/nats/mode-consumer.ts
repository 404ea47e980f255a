import { Backbone, Logger, eventHandlerAttempts, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { applyPlaybook } from "../../app/apply-playbook";
import { FacilitiesDeps } from "../../app/ports";

/** Applies the playbook for every declared mode, in order, acknowledging only once applied. */
export function consumeModeChanges(backbone: Backbone, deps: FacilitiesDeps, logger: Logger) {
  return runEventConsumer(
    backbone,
    eventTypes.modeChanged,
    { stream: streams.mode.name, durable: "facilities-playbook", maxAttempts: eventHandlerAttempts },
    (declared, ctx) => deps.exclusive(() => applyPlaybook(deps, declared, ctx.correlationId, ctx.logger)),
    logger,
  );
}
