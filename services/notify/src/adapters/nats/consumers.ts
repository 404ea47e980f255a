import { Backbone, Logger, eventHandlerAttempts, runEventConsumer, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { pushBatchRequested, pushDeliveryStream } from "./push-queue";
import { DeliverBatchDeps, deliverBatch } from "../../app/deliver-batch";
import { IssueAlertDeps, issueAlert } from "../../app/issue-alert";
import { SendStaffNoticeDeps, sendStaffNotice } from "../../app/send-staff-notice";

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

/** Reassignments, releases and reminders, each to the subscriptions of that staff member. */
export async function consumeStaffNotices(backbone: Backbone, deps: SendStaffNoticeDeps, ackWaitMs: number, logger: Logger) {
  const spec = (durable: string) => ({ stream: streams.staff.name, durable, ackWaitMs, maxAttempts: eventHandlerAttempts });
  return [
    await runEventConsumer(
      backbone,
      eventTypes.staffReassigned,
      spec("notify-staff-reassigned"),
      (event, ctx) => sendStaffNotice(deps, { kind: "reassigned", event }, ctx.correlationId, ctx.logger),
      logger,
    ),
    await runEventConsumer(
      backbone,
      eventTypes.staffReleased,
      spec("notify-staff-released"),
      (event, ctx) => sendStaffNotice(deps, { kind: "released", event }, ctx.correlationId, ctx.logger),
      logger,
    ),
    await runEventConsumer(
      backbone,
      eventTypes.staffReminded,
      spec("notify-staff-reminded"),
      (event, ctx) => sendStaffNotice(deps, { kind: "reminded", event }, ctx.correlationId, ctx.logger),
      logger,
    ),
  ];
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
