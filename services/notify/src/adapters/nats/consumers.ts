import { Backbone, Logger, eventHandlerAttempts, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { pushBatchRequested, pushDeliveryStream } from "./push-queue";
import { DeliverBatchDeps, deliverBatch } from "../../app/deliver-batch";
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
  /** Batches in flight in this instance; the sender limits the connections per push service. */
  batches: number;
  ackWaitMs: number;
}

/**
 * The fan-out: queued batches worked in parallel (by every notify instance: one shared durable
 * consumer), each acknowledged only once all its pushes settled.
 */
export function consumePushBatches(backbone: Backbone, deps: DeliverBatchDeps, settings: PushFanOutSettings, logger: Logger) {
  return runEventConsumer(
    backbone,
    pushBatchRequested,
    {
      stream: pushDeliveryStream.name,
      durable: "notify-push-sender",
      concurrency: settings.batches,
      ackWaitMs: settings.ackWaitMs,
      retryDelaysMs: [2_000, 10_000, 60_000],
    },
    async (batch, ctx) => void (await deliverBatch(deps, batch, ctx.logger)),
    logger,
  );
}
