import { Clock, EventPublisher, Logger } from "@crisis/platform/ports";
import { eventTypes } from "@crisis/platform/contracts";
import { FacilityStatusChanged, PlaybookApplied, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { Share } from "../domain/coalesce";
import { composeAlert } from "../domain/compose-alert";
import { topicOfService } from "../domain/service-changes";
import { Subscription } from "../domain/subscription";
import { topicsOf } from "../domain/topics";
import { DeliveryQueue, DeliveryReports, SubscriptionStore } from "./ports";
import { queueAlert } from "./queue-alert";

export interface IssueAlertDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  reports: DeliveryReports;
  events: EventPublisher;
  clock: Clock;
  statusUrl: string;
  ttlSeconds: number;
}

/**
 * Each subscriber some change concerns, with those changes (facilities, counter services) in their
 * original order: found through the topic index. Each topic's followers are read once, however many
 * changes it tells of, and subscribers matched through the same topics share one list of changes.
 */
export function concerned(
  store: SubscriptionStore,
  changes: FacilityStatusChanged[],
  services: ServiceLevelChanged[] = [],
): Iterable<Share & { subscription: Subscription }> {
  const told = new Map<string, { changes: number[]; services: number[] }>();
  const tell = (topic: string, kind: keyof Share, index: number) => {
    let entry = told.get(topic);
    if (!entry) told.set(topic, (entry = { changes: [], services: [] }));
    entry[kind].push(index);
  };
  changes.forEach((change, i) => topicsOf(change).forEach((topic) => tell(topic, "changes", i)));
  services.forEach((change, i) => tell(topicOfService(change), "services", i));

  const matched = new Map<string, { subscription: Subscription; topics: string[] }>();
  for (const topic of told.keys()) {
    for (const subscription of store.followers(topic)) {
      let entry = matched.get(subscription.id);
      if (!entry) matched.set(subscription.id, (entry = { subscription, topics: [] }));
      entry.topics.push(topic);
    }
  }
  const shares = new Map<string, Share>();
  const shareOf = (topics: string[]) => {
    const key = topics.join("\n");
    let share = shares.get(key);
    if (!share) {
      const pick = (kind: keyof Share) => [...new Set(topics.flatMap((t) => told.get(t)![kind]))].sort((a, b) => a - b);
      shares.set(key, (share = { changes: pick("changes").map((i) => changes[i]), services: pick("services").map((i) => services[i]) }));
    }
    return share;
  };
  return Array.from(matched.values(), ({ subscription, topics }) => ({ subscription, ...shareOf(topics) }));
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
  await deps.events.publish(
    eventTypes.alertIssued,
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
    { eventId: alertId, correlationId },
  );
  logger.info({ alertId, recipients, changes: applied.changes.length, services: applied.serviceChanges.length }, "alert issued");
}
