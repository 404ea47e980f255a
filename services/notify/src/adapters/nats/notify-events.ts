import { JetStreamClient, publishEvent } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { pushBatchRequested } from "./push-queue";
import { AlertEvents, DeliveryQueue } from "../../app/ports";

export function jetStreamDeliveryQueue(js: JetStreamClient): DeliveryQueue {
  return {
    async enqueue(batch, correlationId) {
      await publishEvent(js, pushBatchRequested, batch, { eventId: batch.batchId, correlationId });
    },
  };
}

export function jetStreamAlertEvents(js: JetStreamClient): AlertEvents {
  return {
    async alertIssued(alert, correlationId) {
      await publishEvent(js, eventTypes.alertIssued, alert, { eventId: alert.eventId, correlationId });
    },
  };
}
