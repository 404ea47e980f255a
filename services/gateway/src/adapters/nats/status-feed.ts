import { JsMsg } from "nats";
import { Backbone, Readiness, followStream, readStreamAfter, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { Position, StatusEvent, StatusStream, statusStreams } from "../../areas/status/domain/status-view";
import { StatusEvents, StreamedEvent } from "../../areas/status/app/ports";
import { FollowStatusDeps, LiveStatus } from "../../areas/status/app/follow-status";

const streamNames: Record<StatusStream, string> = {
  mode: streams.mode.name,
  facility: streams.facility.name,
  service: streams.service.name,
};

/** The subjects the status is built from; the streams' other subjects only move the position. */
function decode(msg: JsMsg): StatusEvent | undefined {
  switch (msg.subject) {
    case eventTypes.modeChanged.subject:
      return { kind: "mode", event: eventTypes.modeChanged.codec.decode(msg.data) };
    case eventTypes.facilityStatusChanged.subject:
      return { kind: "facility", event: eventTypes.facilityStatusChanged.codec.decode(msg.data) };
    case eventTypes.facilityCorrected.subject:
      return { kind: "correction", event: eventTypes.facilityCorrected.codec.decode(msg.data) };
    case eventTypes.serviceLevelChanged.subject:
      return { kind: "service", event: eventTypes.serviceLevelChanged.codec.decode(msg.data) };
    default:
      return undefined;
  }
}

const streamed = (stream: StatusStream, msg: JsMsg): StreamedEvent => ({
  stream,
  seq: msg.seq,
  at: new Date(Math.floor(msg.info.timestampNanos / 1e6)).toISOString(),
  event: decode(msg),
});

/** The mode, facility and service streams, each read with an ephemeral consumer. */
export function jetStreamStatusEvents(backbone: Backbone): StatusEvents {
  return {
    async follow(from, onEvent) {
      const readers = await Promise.all(
        statusStreams.map((stream) =>
          followStream(backbone, streamNames[stream], { after: from[stream] }, (msg) => onEvent(streamed(stream, msg))),
        ),
      );
      return {
        caughtUp: Promise.all(readers.map((r) => r.caughtUp)).then(() => undefined),
        async stop() {
          await Promise.all(readers.map((r) => r.stop()));
        },
      };
    },

    async *replay(after: Position, until: Position) {
      for (const stream of statusStreams) {
        if (after[stream] >= until[stream]) continue;
        const { messages } = await readStreamAfter(backbone, streamNames[stream], after[stream]);
        try {
          for await (const msg of messages) {
            if (msg.seq > until[stream]) break;
            yield streamed(stream, msg);
            if (msg.seq >= until[stream]) break;
          }
        } finally {
          messages.stop();
        }
      }
    },
  };
}

/** The last sequence each status stream holds: with the status's position, how far it lags. */
export async function statusStreamHeads(backbone: Backbone): Promise<Position> {
  const heads = await Promise.all(statusStreams.map(async (s) => (await backbone.jsm.streams.info(streamNames[s])).state.last_seq));
  return Object.fromEntries(statusStreams.map((s, i) => [s, heads[i]])) as Position;
}

/**
 * The status kept from the streams, as main.ts and the tests wire it: followed from the streams'
 * start, ready once read up to now and the registry listed, with the messages not read yet per
 * stream (for /metrics).
 */
export async function followLiveStatus(backbone: Backbone, readiness: Readiness, deps: Omit<FollowStatusDeps, "events">) {
  const events = jetStreamStatusEvents(backbone);
  const status = new LiveStatus({ ...deps, events });
  await status.start();
  readiness.add("status", status.ready);
  const lag = async () => {
    const heads = await statusStreamHeads(backbone);
    return Object.fromEntries(statusStreams.map((s) => [s, heads[s] - status.position[s]]));
  };
  return { status, events, lag };
}
