import { createHash } from "node:crypto";
import { Clock, Logger } from "@crisis/platform/ports";
import { readChange } from "../domain/facility-reading";
import { CoalesceRule, SingleChange, composeChanges, isDue, isNews } from "../domain/coalesce";
import { DeliveryQueue, DeliveryReports, PendingChanges, SubscriptionStore } from "./ports";
import { composedFor, concerned } from "./issue-alert";
import { queueAlert } from "./queue-alert";

export interface CoalesceDeps {
  store: SubscriptionStore;
  queue: DeliveryQueue;
  reports: DeliveryReports;
  pending: PendingChanges;
  clock: Clock;
  rule: CoalesceRule;
  /** Open shelters per ward now, from this instance's projection. */
  openIn: (ward: string) => number;
  baseUrl: string;
  ttlSeconds: number;
}

/** A single change (manual, scheduled; a facility or a counter service) joins the window instead of going out on its own. */
export async function recordChange(deps: Pick<CoalesceDeps, "pending" | "clock">, change: SingleChange): Promise<void> {
  if (isNews(change)) await deps.pending.add(change, deps.clock.now());
}

/**
 * When the window is due, sums it up for each subscriber it concerns: one message per person per
 * burst. The alert id derives from the changes told, so a second instance flushing the same
 * window, or a re-run after a crash, queues nothing twice.
 */
export async function flushChanges(deps: CoalesceDeps, logger: Logger): Promise<void> {
  const window = await deps.pending.read();
  if (!window || !isDue(window, deps.clock.now(), deps.rule)) return;
  const ids = [...window.changes, ...window.services].map((c) => c.eventId);
  const alertId = `changes.${createHash("sha256").update(ids.join(",")).digest("base64url").slice(0, 22)}`;
  const wards = new Set(window.changes.map((c) => c.ward));
  const subjects = new Set([
    ...window.changes.map((c) => `facility:${c.facilityId}`),
    ...window.services.map((c) => `service:${c.serviceId}`),
  ]);
  const services = [...new Set(window.services.map((c) => c.serviceId))].sort();
  const recipients = await queueAlert(
    deps,
    {
      alertId,
      urgency: window.changes.some((c) => ["shelter_open", "shelter_closed"].includes(readChange(c).state)) ? "high" : "normal",
      ttlSeconds: deps.ttlSeconds,
      // A newer summary for the same facility or area replaces one still waiting on the device.
      topicScope:
        subjects.size === 1 ? [...subjects][0] : [`ward:${[...wards].sort().join(",")}`, ...services.map((s) => `service:${s}`)].join("|"),
      recipients: composedFor(concerned(deps.store, window.changes, window.services), ({ subscription, ...share }) =>
        composeChanges(alertId, share, subscription.lang, deps.openIn, deps.baseUrl, subscription.topics),
      ),
    },
    alertId,
  );
  await deps.pending.remove(ids);
  logger.info({ alertId, changes: ids.length, recipients }, "changes summed up and sent");
}
