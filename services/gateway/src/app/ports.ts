import { ModeChanged } from "@crisis/platform/contracts/events";
import { Facility } from "@crisis/platform/contracts/facilities";
import { CreateSubscriptionRequest, CreateSubscriptionResponse } from "@crisis/platform/contracts/notify";
import { GetStaffingSummaryResponse } from "@crisis/platform/contracts/staffing";

export interface CurrentMode {
  event?: ModeChanged;
  /** Sequence of the last mode event on its subject (0 when none): the optimistic-concurrency token. */
  seq: number;
}

export interface ModeLog {
  current(): Promise<CurrentMode>;
  /** Stores the event unless another declaration landed after `expectedSeq` (then MODE_CONFLICT). */
  append(event: ModeChanged, expectedSeq: number, correlationId: string): Promise<number>;
}

export interface FacilitiesDirectory {
  list(correlationId: string): Promise<Facility[]>;
}

/** Citizens' web-push subscriptions, kept by notify. */
export interface PushSubscriptions {
  /** The VAPID public key a page passes to pushManager.subscribe(). */
  publicKey(correlationId: string): Promise<string>;
  create(request: CreateSubscriptionRequest, correlationId: string): Promise<CreateSubscriptionResponse>;
  /** Purges a subscription; only its unsubscribe token may do so. */
  remove(id: string, unsubscribeToken: string, correlationId: string): Promise<void>;
}

/** How the emergency posts are staffed, planned by staffing for the current mode. */
export interface StaffingBoard {
  summary(correlationId: string): Promise<GetStaffingSummaryResponse>;
}
