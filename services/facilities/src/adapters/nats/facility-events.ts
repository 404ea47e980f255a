import { JetStreamClient, eventTypes, publishEvent } from "@crisis/platform";
import { FacilityEvents } from "../../app/ports";

export function jetStreamFacilityEvents(js: JetStreamClient): FacilityEvents {
  return {
    async statusChanged(change, correlationId) {
      await publishEvent(js, eventTypes.facilityStatusChanged, change, { eventId: change.eventId, correlationId });
    },
    async playbookApplied(applied, correlationId) {
      await publishEvent(js, eventTypes.playbookApplied, applied, { eventId: applied.eventId, correlationId });
    },
  };
}
