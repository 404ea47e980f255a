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
    async serviceLevelChanged(change, correlationId) {
      await publishEvent(js, eventTypes.serviceLevelChanged, change, { eventId: change.eventId, correlationId });
    },
    async restrictionScheduled(scheduled, correlationId) {
      await publishEvent(js, eventTypes.restrictionScheduled, scheduled, { eventId: scheduled.eventId, correlationId });
    },
    async facilityCorrected(corrected, correlationId) {
      await publishEvent(js, eventTypes.facilityCorrected, corrected, { eventId: corrected.eventId, correlationId });
    },
  };
}
