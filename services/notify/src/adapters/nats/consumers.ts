import {
  Backbone,
  EventContext,
  Logger,
  decodeEvent,
  eventHandlerAttempts,
  followStream,
  runEventConsumer,
  streams,
} from "@crisis/platform";
import { EventType, eventTypes } from "@crisis/platform/contracts";
import { pushBatchRequested } from "./push-queue";
import { DeliverBatchDeps, deliverBatch } from "../../app/deliver-batch";
import { IssueAlertDeps, issueAlert } from "../../app/issue-alert";
import { SendStaffNoticeDeps, sendStaffNotice } from "../../app/send-staff-notice";
import { SendBookingNoticeDeps, sendBookingNotice } from "../../app/send-booking-notice";
import { CoalesceDeps, recordChange } from "../../app/flush-changes";
import { AdvanceNoticeDeps, announceScheduled } from "../../app/announce-scheduled";
import { StaffNotice } from "../../domain/compose-notice";
import { ShelterCounts } from "../../domain/shelter-counts";

/**
 * One durable consumer of one event type, with the attempts every notify consumer gets: each
 * consumer below is one of these, and a new kind of alert is one more.
 */
export function consumeEvents<T>(
  backbone: Backbone,
  type: EventType<T>,
  where: { stream: string; durable: string; ackWaitMs: number },
  handle: (event: T, ctx: EventContext) => Promise<void>,
  logger: Logger,
) {
  return runEventConsumer(backbone, type, { ...where, maxAttempts: eventHandlerAttempts }, handle, logger);
}

/** One alert per applied playbook. */
export function consumeAppliedPlaybooks(backbone: Backbone, deps: IssueAlertDeps, ackWaitMs: number, logger: Logger) {
  return consumeEvents(
    backbone,
    eventTypes.playbookApplied,
    { stream: streams.facility.name, durable: "notify-alerts", ackWaitMs },
    (applied, ctx) => issueAlert(deps, applied, ctx.correlationId, ctx.logger),
    logger,
  );
}

/**
 * Single changes (manual, scheduled) join the coalescing window: facility statuses, and
 * counter-service levels for the followers of `service:<id>`.
 */
export function consumeSingleChanges(backbone: Backbone, deps: Pick<CoalesceDeps, "pending" | "clock">, ackWaitMs: number, logger: Logger) {
  return Promise.all([
    consumeEvents(
      backbone,
      eventTypes.facilityStatusChanged,
      { stream: streams.facility.name, durable: "notify-changes", ackWaitMs },
      (event) => recordChange(deps, { kind: "facility", event }),
      logger,
    ),
    consumeEvents(
      backbone,
      eventTypes.serviceLevelChanged,
      { stream: streams.service.name, durable: "notify-service-changes", ackWaitMs },
      (event) => recordChange(deps, { kind: "service", event }),
      logger,
    ),
  ]);
}

/**
 * This instance's count of open shelters per ward, from every status change since the start
 * (each instance reads all of them, unlike the shared durable ones, and reads on after a node dies).
 */
export function followShelterCounts(backbone: Backbone, counts: ShelterCounts) {
  return followStream(backbone, streams.facility.name, { filterSubject: eventTypes.facilityStatusChanged.subject }, (msg) =>
    counts.apply(decodeEvent(eventTypes.facilityStatusChanged, msg).event),
  );
}

/** Restrictions scheduled for later: told now, and again shortly before they start. */
export function consumeScheduledRestrictions(backbone: Backbone, deps: AdvanceNoticeDeps, ackWaitMs: number, logger: Logger) {
  return consumeEvents(
    backbone,
    eventTypes.restrictionScheduled,
    { stream: streams.facility.name, durable: "notify-scheduled", ackWaitMs },
    (event, ctx) => announceScheduled(deps, event, ctx.correlationId, ctx.logger),
    logger,
  );
}

/** Reassignments, releases, reminders, changes in a post's team and rota days, each to the subscriptions of that staff member. */
export async function consumeStaffNotices(backbone: Backbone, deps: SendStaffNoticeDeps, ackWaitMs: number, logger: Logger) {
  const consume = <K extends StaffNotice["kind"]>(kind: K, type: EventType<Extract<StaffNotice, { kind: K }>["event"]>) =>
    consumeEvents(
      backbone,
      type,
      { stream: streams.staff.name, durable: `notify-staff-${kind}`, ackWaitMs },
      (event, ctx) => sendStaffNotice(deps, { kind, event } as StaffNotice, ctx.correlationId, ctx.logger),
      logger,
    );
  return Promise.all([
    consume("reassigned", eventTypes.staffReassigned),
    consume("released", eventTypes.staffReleased),
    consume("reminded", eventTypes.staffReminded),
    consume("team", eventTypes.staffTeamChanged),
    consume("rota", eventTypes.staffRotaChanged),
  ]);
}

/** Counter bookings crisis mode moved or cancelled, each to the devices following its code. */
export function consumeBookingNotices(backbone: Backbone, deps: SendBookingNoticeDeps, ackWaitMs: number, logger: Logger) {
  const consume = (durable: string, type: typeof eventTypes.bookingChanged) =>
    consumeEvents(
      backbone,
      type,
      { stream: streams.counter.name, durable, ackWaitMs },
      (event, ctx) => sendBookingNotice(deps, event, ctx.correlationId, ctx.logger),
      logger,
    );
  return Promise.all([
    consume("notify-booking-moved", eventTypes.bookingChanged),
    consume("notify-booking-cancelled", eventTypes.bookingCancelled),
  ]);
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
      stream: streams.pushDelivery.name,
      durable: "notify-push-sender",
      concurrency: settings.batches,
      // Each instance holds its batches in flight and one pull ahead: room for eight instances.
      maxAckPending: settings.batches * 2 * 8,
      ackWaitMs: settings.ackWaitMs,
      retryDelaysMs: [2_000, 10_000, 60_000],
    },
    async (batch, ctx) => void (await deliverBatch(deps, batch, ctx.logger)),
    logger,
  );
}
