import { JetStreamClient, publishEvent } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { pushDeliveryRequested } from "./push-queue";
import { AlertEvents, DeliveryQueue } from "../../app/ports";

export function jetStreamDeliveryQueue(js: JetStreamClient): DeliveryQueue {
  return {
    async enqueue(delivery, correlationId) {
      await publishEvent(js, pushDeliveryRequested, delivery, { eventId: delivery.deliveryId, correlationId });
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
