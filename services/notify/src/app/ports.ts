import { PushBatchRequested } from "../gen/crisis/notify/v1/push_delivery";
import { RestrictionScheduled } from "@crisis/platform/contracts/events";
import { PendingWindow, SingleChange } from "../domain/coalesce";
import { Subscription } from "../domain/subscription";

/** Push subscriptions: erasable data, purged on unsubscribe or when the push service says gone. */
export interface SubscriptionStore {
  put(subscription: Subscription): Promise<void>;
  get(id: string): Promise<Subscription | undefined>;
  purge(id: string): Promise<void>;
  /** The subscriptions following one topic, from an in-memory index: no scan of the store. */
  followers(topic: string): Iterable<Subscription>;
  /** The followed topics starting with a prefix, from the same index. */
  topics(prefix: string): Iterable<string>;
}

/** The city-wide window of single changes waiting to be summed up; shared by every instance. */
export interface PendingChanges {
  /** Adds a change (once: a redelivered one is ignored), opening the window if none is open. */
  add(change: SingleChange, at: Date): Promise<void>;
  read(): Promise<PendingWindow | undefined>;
  /** Removes these changes (they were told); the window closes when none is left. */
  remove(eventIds: string[]): Promise<void>;
}

export type DeliveryCounts = Record<"accepted" | "gone" | "failed" | "expired", number>;

/** Per alert: how many pushes were queued and how each batch ended. Written idempotently (per batch). */
export interface DeliveryReports {
  queued(alertId: string, recipients: number): Promise<void>;
  settled(alertId: string, batchId: string, counts: DeliveryCounts): Promise<void>;
  read(alertId: string): Promise<({ queued: number } & DeliveryCounts) | undefined>;
}

/** Second notices waiting for their time, shared by every instance. */
export interface Reminders {
  add(event: RestrictionScheduled, dueAt: Date): Promise<void>;
  due(now: Date): Promise<RestrictionScheduled[]>;
  done(eventId: string): Promise<void>;
}

/** How each push of a batch ended so far, by subscription id; kept until long after the batch is done. */
export interface BatchProgress {
  read(batchId: string): Promise<Record<string, "accepted" | "gone" | "failed" | "expired" | "dropped">>;
  write(batchId: string, settled: Record<string, "accepted" | "gone" | "failed" | "expired" | "dropped">): Promise<void>;
}

export interface DeliveryQueue {
  enqueue(batch: PushBatchRequested, correlationId: string): Promise<void>;
}

export type PushOutcome =
  | { kind: "delivered" }
  /** 404 or 410: the browser unsubscribed; the subscription must go. */
  | { kind: "gone"; status: number }
  /** 429 (with the push service's Retry-After as delayMs), 5xx, timeout or network: try again later. */
  | { kind: "retry"; reason: string; delayMs?: number }
  /** Any other refusal: retrying would not help. */
  | { kind: "rejected"; status: number; reason: string };

export interface PushOptions {
  topic: string;
  ttlSeconds: number;
  urgency: string;
}

export interface PushSender {
  send(subscription: Subscription, payload: string, options: PushOptions): Promise<PushOutcome>;
}

/** Waits before a retry; tests pass one that returns at once. */
export type Sleep = (ms: number) => Promise<void>;
