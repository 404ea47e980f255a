import { AlertReport, CreateSubscriptionRequest, CreateSubscriptionResponse } from "@crisis/platform/contracts/notify";

/** The alerts area's ports; main.ts fills them in. */

/** Citizens' web-push subscriptions, kept by notify. */
export interface PushSubscriptions {
  /** The VAPID public key a page passes to pushManager.subscribe(). */
  publicKey(correlationId: string): Promise<string>;
  create(request: CreateSubscriptionRequest, correlationId: string): Promise<CreateSubscriptionResponse>;
  /** Purges a subscription; only its unsubscribe token may do so. */
  remove(id: string, unsubscribeToken: string, correlationId: string): Promise<void>;
}

/** Notify's delivery counts per alert. */
export interface AlertReports {
  read(alertId: string, correlationId: string): Promise<AlertReport>;
}
