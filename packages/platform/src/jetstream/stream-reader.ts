import { AckPolicy, Consumer, ConsumerEvents, ConsumerMessages, DeliverPolicy, JsMsg, nanos } from "nats";
import type { Backbone } from "./connect";

/**
 * An ephemeral consumer without acks from a sequence on (the server removes it once idle).
 * Not nats.js's ordered consumer: against nats-server 2.9 its consume() never starts.
 */
export async function readStreamAfter(
  backbone: Backbone,
  stream: string,
  after: number,
  filterSubject?: string,
): Promise<{ consumer: Consumer; messages: ConsumerMessages }> {
  const { name } = await backbone.jsm.consumers.add(stream, {
    ack_policy: AckPolicy.None,
    inactive_threshold: nanos(60_000),
    ...(filterSubject ? { filter_subject: filterSubject } : {}),
    ...(after > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 } : { deliver_policy: DeliverPolicy.All }),
  });
  const consumer = await backbone.js.consumers.get(stream, name);
  return { consumer, messages: await consumer.consume({ max_messages: 512, expires: 5_000 }) };
}

/** What tells that a consumer is gone or its node unreachable. */
const lost = new Set<string>([ConsumerEvents.ConsumerDeleted, ConsumerEvents.ConsumerNotFound, ConsumerEvents.HeartbeatsMissed]);

/** How often a reader checks it is not stuck behind its stream (two looks: 10 s at most). */
const stalledReaderCheckMs = 5_000;

export interface StreamFollower {
  /** Resolves once the reader has passed `head` (at once when there was nothing after `after`). */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads one stream from a sequence on for as long as the service runs, every replica on its own
 * (state each replica keeps in memory: the live status, waiting figures, shelter counts).
 * An ephemeral consumer lives on one node: when that node dies, or the consumer is removed, the
 * reader goes on from the last sequence it saw with a new one instead of going quiet.
 */
export async function followStream(
  backbone: Backbone,
  stream: string,
  options: { after?: number; filterSubject?: string },
  onMessage: (msg: JsMsg) => void,
): Promise<StreamFollower> {
  /** The newest sequence stored, or 0 when the stream holds nothing (never written, or purged). */
  const lastSeq = async () => {
    const { state } = await backbone.jsm.streams.info(stream);
    return state.messages > 0 ? state.last_seq : 0;
  };
  let stopped = false;
  let last = options.after ?? 0;
  const head = await lastSeq();
  let reached!: () => void;
  const caughtUp = new Promise<void>((resolve) => (reached = resolve));
  if (head <= last) reached();
  let current: { consumer: Consumer; messages: ConsumerMessages } | undefined;
  let received = 0;
  // The client's events do not always tell a consumer is gone (a node killed mid-pull under load
  // can leave the pull waiting): if the consumer cannot be asked, or has messages pending and
  // nothing arrived since the last look, start a new reader from where this one stopped.
  let receivedAtLastLook = received;
  const watchdog = setInterval(() => {
    const reading = current;
    if (!reading) return;
    void reading.consumer
      .info(false)
      .then(
        (info) => info.num_pending > 0 && received === receivedAtLastLook,
        () => true,
      )
      .then((stuck) => {
        if (stuck && reading === current) reading.messages.stop();
        receivedAtLastLook = received;
      });
  }, stalledReaderCheckMs);
  const loop = (async () => {
    while (!stopped) {
      try {
        current = await readStreamAfter(backbone, stream, last, options.filterSubject);
        const { messages } = current;
        void (async () => {
          for await (const s of await messages.status()) {
            if (lost.has(s.type)) messages.stop();
          }
        })();
        if (stopped) messages.stop();
        for await (const msg of messages) {
          last = msg.seq;
          received++;
          onMessage(msg);
          if (msg.seq >= head || msg.info.pending === 0) reached();
        }
      } catch {
        // The backbone is failing over: try again shortly.
      }
      if (!stopped) await new Promise((r) => setTimeout(r, 1_000));
    }
  })();
  return {
    caughtUp,
    async stop() {
      stopped = true;
      clearInterval(watchdog);
      current?.messages.stop();
      await loop;
    },
  };
}
