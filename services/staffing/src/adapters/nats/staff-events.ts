import { Backbone, publishEvent } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import type { StaffEvents } from "../../app/ports";

export function staffEvents(backbone: Backbone): StaffEvents {
  return {
    async reassigned(event, correlationId) {
      await publishEvent(backbone.js, eventTypes.staffReassigned, event, { eventId: event.eventId, correlationId });
    },
    async released(event, correlationId) {
      await publishEvent(backbone.js, eventTypes.staffReleased, event, { eventId: event.eventId, correlationId });
    },
    async teamChanged(event, correlationId) {
      await publishEvent(backbone.js, eventTypes.staffTeamChanged, event, { eventId: event.eventId, correlationId });
    },
    async answered(event, declined, correlationId) {
      const type = declined ? eventTypes.staffDeclined : eventTypes.staffAcknowledged;
      await publishEvent(backbone.js, type, event, { eventId: event.eventId, correlationId });
    },
    async reminded(event, correlationId) {
      await publishEvent(backbone.js, eventTypes.staffReminded, event, { eventId: event.eventId, correlationId });
    },
  };
}
