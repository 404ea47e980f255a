import { Backbone, decodeEvent, followStream, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { OccupancyReported } from "@crisis/platform/contracts/crowding";

const { occupancyReported } = eventTypes;

/** Occupancy reports from now on (pages read the figures so far from GET /api/v1/shelters). */
export async function followOccupancy(backbone: Backbone, onReport: (report: OccupancyReported) => void) {
  const { state } = await backbone.jsm.streams.info(streams.shelter.name);
  return followStream(backbone, streams.shelter.name, { after: state.last_seq, filterSubject: occupancyReported.subject }, (msg) =>
    onReport(decodeEvent(occupancyReported, msg).event),
  );
}
