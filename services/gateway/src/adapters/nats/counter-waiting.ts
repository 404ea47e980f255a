import { Backbone, decodeEvent, followStream, publishEvent, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { CounterWaitingLog } from "../../app/ports";
import { CounterWaitingBoard } from "../../domain/counter-waiting";

const { counterWaitingReported } = eventTypes;

export function jetStreamCounterWaitingLog(backbone: Backbone): CounterWaitingLog {
  return {
    async publish(report, correlationId) {
      await publishEvent(backbone.js, counterWaitingReported, report, { eventId: report.eventId, correlationId });
    },
  };
}

/**
 * This replica's latest waiting figures, from every report since the start of the service stream
 * (each replica reads all of them, and reads on after a node dies).
 */
export function followCounterWaiting(backbone: Backbone, board: CounterWaitingBoard) {
  return followStream(backbone, streams.service.name, { filterSubject: counterWaitingReported.subject }, (msg) =>
    board.apply(decodeEvent(counterWaitingReported, msg).event),
  );
}
