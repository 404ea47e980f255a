import { Backbone, Logger, StaffingServiceServer, eventTypes, readLastEvent, streams, unaryHandler } from "@crisis/platform";

/** The staffing summary the gateway shows managers: the mode staffing is working to. */
export function staffingServer(backbone: Backbone, logger: Logger): StaffingServiceServer {
  return {
    getStaffingSummary: unaryHandler(logger, "GetStaffingSummary", async () => {
      const { event } = await readLastEvent(backbone.jsm, streams.mode.name, eventTypes.modeChanged);
      return { mode: event?.mode, staff: 0, posts: 0, positionsRequired: 0, positionsCovered: 0 };
    }),
  };
}
