import { EventType } from "@crisis/platform/contracts";
import { StreamSpec } from "@crisis/platform";
import { PushBatchRequested } from "../../gen/crisis/notify/v1/push_delivery";

/**
 * Notify's private work queue (subject `<service>.<thing>.<happened>`, see the platform's
 * contracts/subjects.ts): composed pushes in batches, each removed once all its pushes settled.
 */
export const pushDeliveryStream: StreamSpec = { name: "NOTIFY_PUSH_DELIVERY", subjects: ["notify.push.>"], workQueue: true };

export const pushBatchRequested: EventType<PushBatchRequested> = {
  subject: "notify.push.batch.requested",
  name: "crisis.notify.v1.PushBatchRequested",
  codec: PushBatchRequested,
};
