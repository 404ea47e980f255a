import { JetStreamClient, eventTypes, publishEvent } from "@crisis/platform";
import { AlertEvents, DeliveryQueue } from "../../app/ports";

export function jetStreamDeliveryQueue(js: JetStreamClient): DeliveryQueue {
  return {
    async enqueue(delivery, correlationId) {
      await publishEvent(js, eventTypes.pushDeliveryRequested, delivery, { eventId: delivery.deliveryId, correlationId });
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
