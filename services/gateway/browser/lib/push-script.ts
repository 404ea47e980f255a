// What push.js offers the other scripts of a page: subscribe this device to topics, and undo it.
import { inBackground } from "./dom";

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

/** The words a "follow this by push" button says. */
export interface FollowWords {
  following: string;
  noPush: string;
  failed: string;
}

/**
 * A button that follows one thing (a booking, a ticket) by push on this device: disabled where push
 * cannot work, and saying in the page's words whether it is followed or why not.
 */
export function followByPush(button: HTMLButtonElement, topic: string, lang: string, words: FollowWords, say: (text: string) => void) {
  const push = window.crisisPush;
  if (!push?.supported) button.disabled = true;
  if (push?.stored()?.topics.includes(topic)) say(words.following);
  button.addEventListener(
    "click",
    inBackground(async () => {
      if (!push) return;
      button.disabled = true;
      try {
        await push.subscribe(topicsWith(push, topic), lang);
        say(words.following);
      } catch (err) {
        say(failureReason(err) === "no-push-service" ? words.noPush : words.failed);
        button.disabled = false;
      }
    }),
  );
}

declare global {
  interface Window {
    crisisPush?: PushScript;
  }
}
