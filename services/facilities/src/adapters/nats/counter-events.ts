import { JetStreamClient, publishEvent } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { CounterEvents } from "../../app/counters/ports";

const types = {
  created: eventTypes.bookingCreated,
  changed: eventTypes.bookingChanged,
  cancelled: eventTypes.bookingCancelled,
} as const;

export function jetStreamCounterEvents(js: JetStreamClient): CounterEvents {
  return {
    async bookingRecorded(happened, recorded, correlationId) {
      await publishEvent(js, types[happened], recorded, { eventId: recorded.eventId, correlationId });
    },
  };
}
