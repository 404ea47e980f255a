import { Clock, Logger } from "@crisis/platform/ports";
import { ResidentLang } from "@crisis/platform/contracts";
import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { ServiceLevelChanged } from "@crisis/platform/contracts/events";
import {
  WaitingWatch,
  composeFewerWaiting,
  composeReopening,
  reopens,
  reopeningTopic,
  waitingReported,
  waitingTopicPrefix,
} from "../domain/better-time";
import { AlertMessage } from "../domain/payload";
import { Subscription } from "../domain/subscription";
import { composedFor } from "./issue-alert";
import { DeliveryQueue, DeliveryReports, SubscriptionStore } from "./ports";
import { queueAlert } from "./queue-alert";

/** Each counter's waiting watch, kept across restarts and instances. */
export interface WaitingWatches {
  read(serviceId: string): Promise<WaitingWatch | undefined>;
  write(serviceId: string, watch: WaitingWatch): Promise<void>;
}

export interface BetterTimeDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  reports: DeliveryReports;
  watches: WaitingWatches;
  clock: Clock;
  /** People above N a counter's wait must reach before "fewer than N" is told again. */
  margin: number;
  baseUrl: string;
  ttlSeconds: number;
}

/** One push to the followers of a topic, each in their subscription's language. */
function tell(deps: BetterTimeDeps, alertId: string, topic: string, compose: (lang: ResidentLang) => AlertMessage, correlationId: string) {
  const followers = [...deps.store.followers(topic)].map((subscription: Subscription) => ({ subscription }));
  return queueAlert(
    deps,
    {
      alertId,
      urgency: "normal",
      ttlSeconds: deps.ttlSeconds,
      topicScope: topic,
      recipients: composedFor(followers, ({ subscription }) => compose(subscription.lang)),
    },
    correlationId,
  );
}

/**
 * A counter's new waiting figure: each N followed there that it fell below is told once. The alert
 * ids come from the report, and the watch is written after the pushes are queued, so a redelivered
 * report queues nothing twice and a crash in between loses nothing.
 */
export async function announceFewerWaiting(deps: BetterTimeDeps, report: CounterWaitingReported, correlationId: string, logger: Logger) {
  const prefix = waitingTopicPrefix(report.serviceId);
  const followed = [...deps.store.topics(prefix)].map((topic) => Number(topic.slice(prefix.length)));
  const next = waitingReported(await deps.watches.read(report.serviceId), report, followed, deps.margin);
  if (!next) return 0;
  let recipients = 0;
  for (const below of next.fellBelow) {
    const alertId = `${report.eventId}.below.${below}`;
    recipients += await tell(
      deps,
      alertId,
      `${prefix}${below}`,
      (lang) => composeFewerWaiting(alertId, report, below, lang, deps.baseUrl),
      correlationId,
    );
  }
  await deps.watches.write(report.serviceId, next.watch);
  if (next.fellBelow.length)
    logger.info({ serviceId: report.serviceId, waiting: report.waiting, below: next.fellBelow, recipients }, "fewer waiting told");
  return recipients;
}

/** A counter reopened, or the procedure can be done online: told once to the followers of `reopening:<service>`. */
export async function announceReopening(deps: BetterTimeDeps, change: ServiceLevelChanged, correlationId: string, logger: Logger) {
  if (!reopens(change)) return 0;
  const alertId = `${change.eventId}.reopening`;
  const recipients = await tell(
    deps,
    alertId,
    reopeningTopic(change.serviceId),
    (lang) => composeReopening(alertId, change, lang, deps.baseUrl),
    correlationId,
  );
  logger.info({ serviceId: change.serviceId, channel: change.channel, recipients }, "reopening told");
  return recipients;
}
