import { Subscription } from "./subscription";

/**
 * Topic → subscribers, kept in memory so an alert touches only the subscribers it concerns
 * instead of reading every subscription. Fed from the subscription bucket's watch.
 */
export class SubscriberIndex {
  private readonly byId = new Map<string, Subscription>();
  private readonly byTopic = new Map<string, Set<string>>();

  get size(): number {
    return this.byId.size;
  }

  /** Adds a subscription or replaces its previous version (topics may have changed). */
  upsert(subscription: Subscription): void {
    this.remove(subscription.id);
    this.byId.set(subscription.id, subscription);
    for (const topic of subscription.topics) {
      let ids = this.byTopic.get(topic);
      if (!ids) this.byTopic.set(topic, (ids = new Set()));
      ids.add(subscription.id);
    }
  }

  remove(id: string): void {
    const previous = this.byId.get(id);
    if (!previous) return;
    this.byId.delete(id);
    for (const topic of previous.topics) {
      const ids = this.byTopic.get(topic);
      ids?.delete(id);
      if (ids?.size === 0) this.byTopic.delete(topic);
    }
  }

  get(id: string): Subscription | undefined {
    return this.byId.get(id);
  }

  /** The subscriptions following this topic (its exact string, e.g. "ward:中央区"). */
  *followers(topic: string): Iterable<Subscription> {
    for (const id of this.byTopic.get(topic) ?? []) {
      const subscription = this.byId.get(id);
      if (subscription) yield subscription;
    }
  }

  /** The topics someone follows that start with this prefix (e.g. every N followed at one counter). */
  *topics(prefix: string): Iterable<string> {
    for (const topic of this.byTopic.keys()) if (topic.startsWith(prefix)) yield topic;
  }
}
