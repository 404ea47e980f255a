import { Backbone, JetStreamClient, decodeEvent, publishEvent, replaySubject, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { CrowdingEvents } from "../../app/ports";
import { ShelterOccupancy } from "../../domain/occupancy";

export function jetStreamCrowdingEvents(js: JetStreamClient): CrowdingEvents {
  return {
    async occupancyReported(report, correlationId) {
      await publishEvent(js, eventTypes.occupancyReported, report, { eventId: report.eventId, correlationId });
    },
    async crowdingChanged(change, correlationId) {
      await publishEvent(js, eventTypes.crowdingChanged, change, { eventId: change.eventId, correlationId });
    },
    async suppliesExhausted(report, correlationId) {
      // Its own event id: the report it repeats is stored under the report's.
      await publishEvent(js, eventTypes.suppliesExhausted, report, { eventId: `${report.eventId}.exhausted`, correlationId });
    },
  };
}

/** Rebuilds the latest report of every shelter at start, from every report stored (in order). */
export function replayOccupancy(backbone: Backbone, occupancy: ShelterOccupancy): Promise<number> {
  return replaySubject(backbone.js, backbone.jsm, streams.shelter.name, eventTypes.occupancyReported.subject, (msg) =>
    occupancy.apply(decodeEvent(eventTypes.occupancyReported, msg).event),
  );
}
