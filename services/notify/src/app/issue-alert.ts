import { Clock, Logger } from "@crisis/platform";
import { FacilityStatusChanged, PlaybookApplied, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { Share } from "../domain/coalesce";
import { composeAlert } from "../domain/compose-alert";
import { topicOfService } from "../domain/service-changes";
import { Subscription } from "../domain/subscription";
import { topicsOf } from "../domain/topics";
import { AlertEvents, DeliveryQueue, DeliveryReports, SubscriptionStore } from "./ports";
import { queueAlert } from "./queue-alert";

export interface IssueAlertDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  reports: DeliveryReports;
  events: AlertEvents;
  clock: Clock;
  statusUrl: string;
  ttlSeconds: number;
}

/**
 * Each subscriber some change concerns, with those changes (facilities, counter services) in their
 * original order: found through the topic index.
 */
export function concerned(store: SubscriptionStore, changes: FacilityStatusChanged[], services: ServiceLevelChanged[] = []) {
  const found = new Map<string, Share & { subscription: Subscription }>();
  const entryFor = (subscription: Subscription) => {
    let entry = found.get(subscription.id);
    if (!entry) found.set(subscription.id, (entry = { subscription, changes: [], services: [] }));
    return entry;
  };
  for (const change of changes) {
    for (const topic of topicsOf(change)) {
      for (const subscription of store.followers(topic)) {
        const entry = entryFor(subscription);
        if (entry.changes.at(-1) !== change) entry.changes.push(change);
      }
    }
  }
  // A service change has one topic, so nobody is found twice for it.
  for (const change of services)
    for (const subscription of store.followers(topicOfService(change))) entryFor(subscription).services.push(change);
  return found.values();
}

/**
 * Subscribers with the same topics and language get the same text: composed once per such
 * group, then handed out per subscriber.
 */
export function* composedFor<T extends { subscription: Subscription }>(found: Iterable<T>, compose: (entry: T) => object | null) {
  const composed = new Map<string, string | null>();
  for (const entry of found) {
    const key = `${entry.subscription.lang}|${entry.subscription.topics.join(",")}`;
    let payload = composed.get(key);
    if (payload === undefined) {
      const message = compose(entry);
      composed.set(key, (payload = message && JSON.stringify(message)));
    }
    if (payload !== null) yield { subscription: entry.subscription, payload };
  }
}

/**
 * A declaration's own batch, sent at once: one alert per applied playbook, one composed push per
 * subscriber whose topics its changes touch.
 */
export async function issueAlert(deps: IssueAlertDeps, applied: PlaybookApplied, correlationId: string, logger: Logger): Promise<void> {
  const mode = applied.mode;
  if (!mode) throw new Error(`PlaybookApplied ${applied.eventId} carries no mode`);
  const alertId = `${applied.modeEventId}.alert`;
  const recipients = await queueAlert(
    deps,
    {
      alertId,
      urgency: "high",
      ttlSeconds: deps.ttlSeconds,
      topicScope: alertId,
      recipients: composedFor(concerned(deps.store, applied.changes, applied.serviceChanges), ({ subscription, changes, services }) =>
        composeAlert(alertId, mode, changes, subscription.lang, deps.statusUrl, services),
      ),
    },
    correlationId,
  );
  const everyone = composeAlert(alertId, mode, applied.changes, "ja", deps.statusUrl, applied.serviceChanges);
  const everyoneEn = composeAlert(alertId, mode, applied.changes, "en", deps.statusUrl, applied.serviceChanges);
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
      issuedAt: deps.clock.now().toISOString(),
    },
    correlationId,
  );
  logger.info({ alertId, recipients, changes: applied.changes.length, services: applied.serviceChanges.length }, "alert issued");
}
