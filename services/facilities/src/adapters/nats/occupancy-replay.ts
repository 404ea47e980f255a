import { Backbone, decodeEvent, replaySubject, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { ShelterOccupancy } from "../../domain/occupancy";

/** Rebuilds the latest report of every shelter at start, from every report stored (in order). */
export function replayOccupancy(backbone: Backbone, occupancy: ShelterOccupancy): Promise<number> {
  return replaySubject(backbone.js, backbone.jsm, streams.shelter.name, eventTypes.occupancyReported.subject, (msg) =>
    occupancy.apply(decodeEvent(eventTypes.occupancyReported, msg).event),
  );
}
