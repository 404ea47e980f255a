import { JetStreamClient, publishEvent } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
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
