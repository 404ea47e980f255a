import { Backbone, Logger, decodeEvent, publishEvent, streams } from "@crisis/platform";
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
 * (an ordered consumer: each replica reads all of them).
 */
export async function followCounterWaiting(backbone: Backbone, board: CounterWaitingBoard, logger: Logger) {
  const consumer = await backbone.js.consumers.get(streams.service.name, { filterSubjects: counterWaitingReported.subject });
  const messages = await consumer.consume();
  const done = (async () => {
    for await (const msg of messages) board.apply(decodeEvent(counterWaitingReported, msg).event);
  })().catch((err) => logger.error({ err }, "counter waiting stopped following the service stream"));
  return {
    async stop() {
      await messages.close();
      await done;
    },
  };
}
