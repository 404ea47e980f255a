import { EventType } from "@crisis/platform/contracts";
import { StreamSpec } from "@crisis/platform";
import { PushDeliveryRequested } from "../../gen/crisis/notify/v1/push_delivery";

/**
 * Notify's private work queue (subject `<service>.<thing>.<happened>`, see the platform's
 * contracts/subjects.ts): one composed push per subscriber, removed once the push service took it.
 */
export const pushDeliveryStream: StreamSpec = { name: "NOTIFY_PUSH_DELIVERY", subjects: ["notify.push.delivery.>"], workQueue: true };

export const pushDeliveryRequested: EventType<PushDeliveryRequested> = {
  subject: "notify.push.delivery.requested",
  name: "crisis.notify.v1.PushDeliveryRequested",
  codec: PushDeliveryRequested,
};
