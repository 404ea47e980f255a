import { createHash } from "node:crypto";
import { Clock, Logger } from "@crisis/platform";
import { FacilityStatusChanged, PlaybookApplied } from "@crisis/platform/contracts/events";
import { composeAlert } from "../domain/compose-alert";
import { Subscription } from "../domain/subscription";
import { topicsOf } from "../domain/topics";
import { AlertEvents, DeliveryQueue, SubscriptionStore } from "./ports";

export interface IssueAlertDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  events: AlertEvents;
  clock: Clock;
  statusUrl: string;
}

const enqueueWindow = 256;

/** RFC 8030 Topic: at most 32 base64url characters, the same for every retry of one alert. */
export const pushTopicFor = (alertId: string) => createHash("sha256").update(alertId).digest("base64url").slice(0, 32);

/** Each subscriber some change concerns, with those changes in their original order: found through the topic index. */
export function concerned(store: SubscriptionStore, changes: FacilityStatusChanged[]) {
  const found = new Map<string, { subscription: Subscription; changes: FacilityStatusChanged[] }>();
  for (const change of changes) {
    for (const topic of topicsOf(change)) {
      for (const subscription of store.followers(topic)) {
        const entry = found.get(subscription.id);
        if (!entry) found.set(subscription.id, { subscription, changes: [change] });
        else if (entry.changes.at(-1) !== change) entry.changes.push(change);
      }
    }
  }
  return found.values();
}

/**
 * Turns one applied playbook into one alert, then queues one composed push per subscriber
 * whose topics it touches. Queue entries are keyed by alert and subscriber, so running this
 * again after a crash queues nothing twice.
 */
export async function issueAlert(deps: IssueAlertDeps, applied: PlaybookApplied, correlationId: string, logger: Logger): Promise<void> {
  const mode = applied.mode;
  if (!mode) throw new Error(`PlaybookApplied ${applied.eventId} carries no mode`);
  const alertId = `${applied.modeEventId}.alert`;
  const topic = pushTopicFor(alertId);
  const queuedAt = deps.clock.now().toISOString();
  let recipients = 0;
  // Publishes go out in windows rather than one round trip at a time: a city has many subscribers.
  let window: Promise<void>[] = [];
  for (const { subscription, changes } of concerned(deps.store, applied.changes)) {
    const message = composeAlert(alertId, mode, changes, subscription.lang, deps.statusUrl);
    if (!message) continue;
    if (window.length >= enqueueWindow) {
      await Promise.all(window);
      window = [];
    }
    window.push(
      deps.queue.enqueue(
        {
          deliveryId: `${alertId}.${subscription.id}`,
          alertId,
          subscriptionId: subscription.id,
          payload: JSON.stringify(message),
          topic,
          queuedAt,
        },
        correlationId,
      ),
    );
    recipients++;
  }
  await Promise.all(window);
  const everyone = composeAlert(alertId, mode, applied.changes, "ja", deps.statusUrl);
  const everyoneEn = composeAlert(alertId, mode, applied.changes, "en", deps.statusUrl);
  await deps.events.alertIssued(
    {
      eventId: alertId,
      causeEventId: applied.modeEventId,
      mode,
      titleJa: everyone?.title ?? "",
      titleEn: everyoneEn?.title ?? "",
      bodyJa: everyone?.body ?? "",
      bodyEn: everyoneEn?.body ?? "",
      recipients,
      issuedAt: queuedAt,
    },
    correlationId,
  );
  logger.info({ alertId, recipients, changes: applied.changes.length }, "alert issued");
}
