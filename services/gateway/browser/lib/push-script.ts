// What push.js offers the other scripts of a page: subscribe this device to topics, and undo it.

/** What this browser keeps of its subscription: the server's id and the token that deletes it. */
export interface StoredSubscription {
  id: string;
  unsubscribeToken: string;
  topics: string[];
  lang: string;
}

/** Why subscribing failed, for the page to say in its own words. */
export type PushFailure = "denied" | "no-push-service" | "server" | "timeout";

export interface PushScript {
  supported: boolean;
  stored(): StoredSubscription | null;
  subscribe(topics: string[], lang: string): Promise<StoredSubscription>;
  unsubscribe(): Promise<void>;
}

/** An error carrying the reason the page explains. */
export const pushFailure = (reason: PushFailure) => Object.assign(new Error(reason), { reason });

/** The reason of a failure from push.js (or the page's own timeout), if it is one. */
export const failureReason = (err: unknown): PushFailure | undefined =>
  err instanceof Error && "reason" in err ? (err.reason as PushFailure) : undefined;

/** A device's topics with `topic` added, those `replaces` names taken out (one N per counter). */
export const topicsWith = (push: PushScript, topic: string, replaces: (t: string) => boolean = () => false) => [
  ...(push.stored()?.topics ?? []).filter((t) => t !== topic && !replaces(t)),
  topic,
];

declare global {
  interface Window {
    crisisPush?: PushScript;
  }
}
