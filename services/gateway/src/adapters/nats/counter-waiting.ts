import { Backbone, decodeEvent, followStream, publishEvent, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { CounterWaitingLog } from "../../areas/counters/app/ports";

const { counterWaitingReported } = eventTypes;

export function jetStreamCounterWaitingLog(backbone: Backbone): CounterWaitingLog {
  return {
    async publish(report, correlationId) {
      await publishEvent(backbone.js, counterWaitingReported, report, { eventId: report.eventId, correlationId });
    },
  };
}

/**
 * Every waiting report since the start of the service stream (each replica reads all of them,
 * and reads on after a node dies), for this replica's latest figures.
 */
export function followCounterWaiting(backbone: Backbone, onReport: (report: CounterWaitingReported) => void) {
  return followStream(backbone, streams.service.name, { filterSubject: counterWaitingReported.subject }, (msg) =>
    onReport(decodeEvent(counterWaitingReported, msg).event),
  );
}
