import { EventType } from "@crisis/platform/contracts";
import { PushBatchRequested } from "../../gen/crisis/notify/v1/push_delivery";

/** A batch of composed pushes on notify's private work queue (streams.pushDelivery). */
export const pushBatchRequested: EventType<PushBatchRequested> = {
  subject: "notify.push.batch.requested",
  name: "crisis.notify.v1.PushBatchRequested",
  codec: PushBatchRequested,
};
