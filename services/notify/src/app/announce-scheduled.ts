import { Clock, Logger } from "@crisis/platform/ports";
import { RestrictionScheduled } from "@crisis/platform/contracts/events";
import { composeScheduled, reminderDueAt, topicsOfScheduled } from "../domain/advance-notice";
import { Subscription } from "../domain/subscription";
import { composedFor } from "./issue-alert";
import { DeliveryQueue, DeliveryReports, Reminders, SubscriptionStore } from "./ports";
import { queueAlert } from "./queue-alert";

export interface AdvanceNoticeDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  reports: DeliveryReports;
  reminders: Reminders;
  clock: Clock;
  /** How long before the start the second notice goes. */
  advanceMs: number;
  baseUrl: string;
}

async function announce(deps: AdvanceNoticeDeps, e: RestrictionScheduled, stage: "scheduled" | "soon", correlationId: string) {
  const alertId = `${e.eventId}.${stage}`;
  const followers = new Map<string, { subscription: Subscription }>();
  for (const topic of topicsOfScheduled(e)) for (const s of deps.store.followers(topic)) followers.set(s.id, { subscription: s });
  // Stale once the restriction has started: the push service may drop it after that.
  const ttlSeconds = Math.max(60, Math.ceil((new Date(e.startsAt).getTime() - deps.clock.now().getTime()) / 1000));
  return queueAlert(
    deps,
    {
      alertId,
      urgency: "normal",
      ttlSeconds,
      topicScope: `facility:${e.facilityId}`,
      recipients: composedFor(followers.values(), ({ subscription }) =>
        composeScheduled(alertId, e, stage, subscription.lang, deps.baseUrl),
      ),
    },
    correlationId,
  );
}

/** A restriction decided for later is told now, and a second notice is kept for shortly before it starts. */
export async function announceScheduled(deps: AdvanceNoticeDeps, e: RestrictionScheduled, correlationId: string, logger: Logger) {
  const recipients = await announce(deps, e, "scheduled", correlationId);
  const dueAt = reminderDueAt(e, deps.advanceMs);
  if (dueAt.getTime() > deps.clock.now().getTime()) await deps.reminders.add(e, dueAt);
  logger.info({ eventId: e.eventId, recipients, reminderAt: dueAt.toISOString() }, "scheduled restriction announced");
}

/** Run by node-cron: sends the second notices that are due. Their alert ids keep a re-run from sending twice. */
export async function sendDueReminders(deps: AdvanceNoticeDeps, logger: Logger) {
  for (const e of await deps.reminders.due(deps.clock.now())) {
    const recipients = await announce(deps, e, "soon", e.eventId);
    await deps.reminders.done(e.eventId);
    logger.info({ eventId: e.eventId, recipients }, "restriction starting soon announced");
  }
}
