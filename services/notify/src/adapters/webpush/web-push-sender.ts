import { Agent } from "node:https";
import webpush, { WebPushError } from "web-push";
import { PushOutcome, PushSender } from "../../app/ports";

export interface VapidKeys {
  subject: string;
  publicKey: string;
  privateKey: string;
}

export interface WebPushSettings {
  vapid: VapidKeys;
  /** How long the push service keeps an undelivered message (seconds). */
  ttlSeconds: number;
  timeoutMs: number;
  /** Keep-alive connections: a fan-out sends many messages to the same few push services. */
  agent: Agent;
}

/** Sends through the web-push library: aes128gcm encryption (RFC 8291) and VAPID (RFC 8292). */
export function webPushSender(settings: WebPushSettings): PushSender {
  return {
    async send(subscription, payload, topic): Promise<PushOutcome> {
      try {
        await webpush.sendNotification(
          { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
          payload,
          {
            vapidDetails: settings.vapid,
            TTL: settings.ttlSeconds,
            urgency: "high",
            topic,
            timeout: settings.timeoutMs,
            contentEncoding: "aes128gcm",
            agent: settings.agent,
          },
        );
        return { kind: "delivered" };
      } catch (err) {
        if (!(err instanceof WebPushError)) return { kind: "retry", reason: (err as Error).message };
        const status = err.statusCode;
        if (status === 404 || status === 410) return { kind: "gone", status };
        if (status === 429) {
          const retryAfter = Number(err.headers?.["retry-after"]);
          return { kind: "retry", reason: "rate limited", delayMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined };
        }
        if (status >= 500) return { kind: "retry", reason: `push service answered ${status}` };
        return { kind: "rejected", status, reason: err.body };
      }
    },
  };
}
