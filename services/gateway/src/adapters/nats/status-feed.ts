import { AckPolicy, ConsumerEvents, ConsumerMessages, DeliverPolicy, JsMsg, nanos } from "nats";
import { Backbone, Readiness, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { Position, StatusEvent, StatusStream, statusStreams } from "../../domain/status-view";
import { StatusEvents, StreamedEvent } from "../../app/ports";
import { FollowStatusDeps, LiveStatus } from "../../app/follow-status";

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

/**
 * An ephemeral consumer without acks from a sequence on (the server removes it once idle).
 * Not nats.js's ordered consumer: against nats-server 2.9 its consume() never starts.
 */
async function readFrom(backbone: Backbone, stream: StatusStream, after: number): Promise<ConsumerMessages> {
  const { name } = await backbone.jsm.consumers.add(streamNames[stream], {
    ack_policy: AckPolicy.None,
    inactive_threshold: nanos(60_000),
    ...(after > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 } : { deliver_policy: DeliverPolicy.All }),
  });
  const consumer = await backbone.js.consumers.get(streamNames[stream], name);
  return consumer.consume({ max_messages: 512, expires: 5_000 });
}

/** What tells that a consumer is gone or its node unreachable. */
const lost = new Set<string>([ConsumerEvents.ConsumerDeleted, ConsumerEvents.ConsumerNotFound, ConsumerEvents.HeartbeatsMissed]);

/** How often a reader checks it is not stuck behind its stream (two looks: 10 s at most). */
const stalledReaderCheckMs = 5_000;

/** The mode, facility and service streams, each read with an ephemeral consumer. */
export function jetStreamStatusEvents(backbone: Backbone): StatusEvents {
  /** The newest sequence stored, or 0 when the stream holds nothing (never written, or purged). */
  const lastSeq = async (stream: StatusStream) => {
    const { state } = await backbone.jsm.streams.info(streamNames[stream]);
    return state.messages > 0 ? state.last_seq : 0;
  };

  return {
    async follow(from, onEvent) {
      let stopped = false;
      const readers = await Promise.all(
        statusStreams.map(async (stream) => {
          const head = await lastSeq(stream);
          let reached!: () => void;
          const caughtUp = new Promise<void>((resolve) => (reached = resolve));
          if (head <= from[stream]) reached();
          let last = from[stream];
          let current: ConsumerMessages | undefined;
          // The client's events do not always tell a consumer is gone (a node killed mid-pull under
          // load can leave the pull waiting): if the stream moved on and nothing arrived since the
          // last look, start a new reader from where this one stopped.
          let seenAtLastLook = last;
          const watchdog = setInterval(() => {
            void lastSeq(stream)
              .then((newest) => {
                if (newest > last && last === seenAtLastLook) current?.stop();
                seenAtLastLook = last;
              })
              .catch(() => undefined);
          }, stalledReaderCheckMs);
          // An ephemeral consumer lives on one node: when that node dies (or the consumer is
          // removed), read on from the last sequence with a new one instead of going quiet.
          const loop = (async () => {
            while (!stopped) {
              try {
                current = await readFrom(backbone, stream, last);
                const messages = current;
                void (async () => {
                  for await (const s of await messages.status()) {
                    if (lost.has(s.type)) messages.stop();
                  }
                })();
                if (stopped) messages.stop();
                for await (const msg of messages) {
                  last = msg.seq;
                  onEvent(streamed(stream, msg));
                  if (msg.seq >= head) reached();
                }
              } catch {
                // The backbone is failing over: try again shortly.
              }
              if (!stopped) await new Promise((r) => setTimeout(r, 1_000));
            }
          })();
          return {
            stop: () => {
              clearInterval(watchdog);
              current?.stop();
            },
            caughtUp,
            loop,
          };
        }),
      );
      return {
        caughtUp: Promise.all(readers.map((r) => r.caughtUp)).then(() => undefined),
        async stop() {
          stopped = true;
          for (const r of readers) r.stop();
          await Promise.all(readers.map((r) => r.loop));
        },
      };
    },

    async *replay(after: Position, until: Position) {
      for (const stream of statusStreams) {
        if (after[stream] >= until[stream]) continue;
        const messages = await readFrom(backbone, stream, after[stream]);
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
