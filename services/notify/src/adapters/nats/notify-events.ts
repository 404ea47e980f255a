import { JetStreamClient, publishEvent } from "@crisis/platform";
import { pushBatchRequested } from "./push-queue";
import { DeliveryQueue } from "../../app/ports";

export function jetStreamDeliveryQueue(js: JetStreamClient): DeliveryQueue {
  return {
    async enqueue(batch, correlationId) {
      await publishEvent(js, pushBatchRequested, batch, { eventId: batch.batchId, correlationId });
    },
  };
}
