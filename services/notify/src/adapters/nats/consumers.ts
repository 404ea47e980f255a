import { Backbone, Logger, eventHandlerAttempts, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { pushDeliveryRequested, pushDeliveryStream } from "./push-queue";
import { DeliverPushDeps, deliverPush } from "../../app/deliver-push";
import { IssueAlertDeps, issueAlert } from "../../app/issue-alert";

/** One alert per applied playbook. */
export function consumeAppliedPlaybooks(backbone: Backbone, deps: IssueAlertDeps, ackWaitMs: number, logger: Logger) {
  return runEventConsumer(
    backbone,
    eventTypes.playbookApplied,
    { stream: streams.facility.name, durable: "notify-alerts", ackWaitMs, maxAttempts: eventHandlerAttempts },
    (applied, ctx) => issueAlert(deps, applied, ctx.correlationId, ctx.logger),
    logger,
  );
}

export interface PushFanOutSettings {
  concurrency: number;
  ackWaitMs: number;
}

/** The fan-out: queued pushes sent in parallel, each acknowledged only once the push service took it. */
export function consumePushDeliveries(backbone: Backbone, deps: DeliverPushDeps, settings: PushFanOutSettings, logger: Logger) {
  return runEventConsumer(
    backbone,
    pushDeliveryRequested,
    {
      stream: pushDeliveryStream.name,
      durable: "notify-push-sender",
      concurrency: settings.concurrency,
      ackWaitMs: settings.ackWaitMs,
      retryDelaysMs: [2_000, 10_000, 60_000],
    },
    (delivery, ctx) => deliverPush(deps, delivery, ctx.logger),
    logger,
  );
}
