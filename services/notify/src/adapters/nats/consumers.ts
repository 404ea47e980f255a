import { Backbone, Logger, decodeEvent, eventHandlerAttempts, eventTypes, runDurableConsumer, streams, withCorrelation } from "@crisis/platform";
import { DeliverPushDeps, deliverPush } from "../../app/deliver-push";
import { IssueAlertDeps, issueAlert } from "../../app/issue-alert";

/** One alert per applied playbook. */
export function consumeAppliedPlaybooks(backbone: Backbone, deps: IssueAlertDeps, ackWaitMs: number, logger: Logger) {
  return runDurableConsumer(
    backbone.js,
    backbone.jsm,
    { stream: streams.facility.name, durable: "notify-alerts", filterSubject: eventTypes.playbookApplied.subject, ackWaitMs, maxAttempts: eventHandlerAttempts },
    async (msg) => {
      const { event, correlationId } = decodeEvent(eventTypes.playbookApplied, msg);
      await issueAlert(deps, event, correlationId, withCorrelation(logger, correlationId));
    },
    logger,
  );
}

export interface PushFanOutSettings {
  concurrency: number;
  ackWaitMs: number;
}

/** The fan-out: queued pushes sent in parallel, each acknowledged only once the push service took it. */
export function consumePushDeliveries(backbone: Backbone, deps: DeliverPushDeps, settings: PushFanOutSettings, logger: Logger) {
  return runDurableConsumer(
    backbone.js,
    backbone.jsm,
    {
      stream: streams.pushDelivery.name,
      durable: "notify-push-sender",
      filterSubject: eventTypes.pushDeliveryRequested.subject,
      concurrency: settings.concurrency,
      ackWaitMs: settings.ackWaitMs,
      retryDelaysMs: [2_000, 10_000, 60_000],
    },
    async (msg) => {
      const { event, correlationId } = decodeEvent(eventTypes.pushDeliveryRequested, msg);
      await deliverPush(deps, event, withCorrelation(logger, correlationId));
    },
    logger,
  );
}
