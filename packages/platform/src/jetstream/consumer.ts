import { AckPolicy, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg, nanos } from "nats";
import { Logger } from "pino";
import { headerNames } from "../ids";
import { withCorrelation } from "../logger";
import { EventType, deadLetterSubjects } from "../contracts/subjects";
import { consumerLag, eventSeconds, eventsHandled } from "../metrics";
import { isRedriveForOther, parkMessage } from "./dead-letters";
import { decodeEvent } from "./events";
import { isBackboneUnavailable, isNotFound } from "./streams";
import { replaySubject } from "./replay";

const backboneRetryMs = 1_000;

/** For event handlers: about ten minutes of retries before one bad event stops holding up those behind it. */
export const eventHandlerAttempts = 20;
const pullExpiresMs = 5_000;

export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  /** How many messages this process handles at once. */
  concurrency?: number;
  /**
   * How many messages may be unacknowledged at once across every process sharing the durable
   * (JetStream's max_ack_pending). Defaults to `concurrency`: one process at a time. A consumer
   * that several instances work in parallel sets it higher, or a second instance adds nothing.
   */
  maxAckPending?: number;
  /** How long the server waits for an ack (or an in-progress signal) before redelivering. */
  ackWaitMs?: number;
  /** Delays before redelivery after a failed attempt (the last one repeats). */
  retryDelaysMs?: number[];
  /**
   * After this many failed attempts the message is parked in the dead-letter stream (with the
   * reason) and terminated, so one event that can never be handled does not hold up every event
   * behind it; `npm run redrive` publishes it again after a fix. Unset: no limit.
   */
  maxAttempts?: number;
}

/** What a handler decides about a message it could not finish. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs?: number,
  ) {
    super(message);
    this.name = "RetryLater";
  }
}

export interface RunningConsumer {
  /** Stops pulling, lets in-flight handlers finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * Runs a durable pull consumer. A message is acknowledged only after its handler resolved,
 * so a crash in the middle means redelivery; handlers are written to be idempotent.
 */
export async function runDurableConsumer(
  js: JetStreamClient,
  jsm: JetStreamManager,
  spec: DurableConsumerSpec,
  handler: (msg: JsMsg) => Promise<void>,
  logger: Logger,
): Promise<RunningConsumer> {
  const concurrency = spec.concurrency ?? 1;
  const retryDelaysMs = spec.retryDelaysMs ?? [1_000, 5_000, 30_000];
  const ackWaitMs = spec.ackWaitMs ?? 30_000;
  const config = {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: spec.filterSubject,
    max_ack_pending: spec.maxAckPending ?? concurrency,
    ack_wait: nanos(ackWaitMs),
  };
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
    await jsm.consumers.update(spec.stream, spec.durable, config);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await jsm.consumers.add(spec.stream, config);
  }
  const consumer = await js.consumers.get(spec.stream, spec.durable);
  // Short pulls: when a node dies holding our pull request, the missed heartbeats tell the client
  // within seconds to pull again from the consumer's new leader.
  const messages = await consumer.consume({ max_messages: concurrency, expires: pullExpiresMs });
  const inFlight = new Set<Promise<void>>();
  const log = logger.child({ consumer: spec.durable });

  const handle = async (msg: JsMsg) => {
    // While the handler runs, keep telling the server it is in progress: a long handler keeps
    // its message, and a dead process loses it after one ack wait.
    const lease = setInterval(() => msg.working(), Math.max(ackWaitMs / 3, 100));
    consumerLag.set({ consumer: spec.durable }, msg.info.pending);
    const timer = eventSeconds.startTimer({ consumer: spec.durable });
    try {
      if (!isRedriveForOther(msg, spec.durable)) await handler(msg);
      await msg.ackAck();
      eventsHandled.inc({ consumer: spec.durable, outcome: "acked" });
    } catch (err) {
      const attempt = msg.info.redeliveryCount;
      // A backbone failing over is back within seconds: retry it soon, not on the slow schedule.
      const delay =
        err instanceof RetryLater && err.delayMs !== undefined
          ? err.delayMs
          : isBackboneUnavailable(err)
            ? backboneRetryMs
            : retryDelaysMs[Math.min(attempt - 1, retryDelaysMs.length - 1)];
      const correlationId = msg.headers?.get(headerNames.eventCorrelationId);
      // A backbone outage is never the event's fault: only other failures use up its attempts.
      if (spec.maxAttempts !== undefined && attempt >= spec.maxAttempts && !isBackboneUnavailable(err)) {
        try {
          await parkMessage(js, msg, spec.durable, err);
        } catch (parkErr) {
          // Not parked, not given up: it comes back and is parked once the dead-letter stream answers.
          log.warn({ err: parkErr, correlationId, subject: msg.subject, seq: msg.seq }, "could not park a failed message; retrying");
          msg.nak(backboneRetryMs);
          return;
        }
        log.error(
          { err, correlationId, subject: msg.subject, seq: msg.seq, attempt, deadLetterSubject: deadLetterSubjects.parked },
          "handler kept failing; message parked in the dead-letter stream",
        );
        msg.term();
        eventsHandled.inc({ consumer: spec.durable, outcome: "given_up" });
        return;
      }
      log.warn(
        { err, correlationId, subject: msg.subject, seq: msg.seq, attempt, retryInMs: delay },
        "handler failed; message will be redelivered",
      );
      msg.nak(delay);
      eventsHandled.inc({ consumer: spec.durable, outcome: "retried" });
    } finally {
      timer();
      clearInterval(lease);
    }
  };

  const loop = (async () => {
    for await (const msg of messages) {
      const task = handle(msg).finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  })();

  return {
    async stop() {
      await messages.close();
      await loop;
      await Promise.all(inFlight);
    },
  };
}

export interface EventContext {
  correlationId: string;
  /** A logger whose lines carry the correlation id. */
  logger: Logger;
}

/** A durable consumer of one event type: each message decoded into its proto type, with its correlation id. */
export function runEventConsumer<T>(
  backbone: { js: JetStreamClient; jsm: JetStreamManager },
  type: EventType<T>,
  spec: Omit<DurableConsumerSpec, "filterSubject">,
  handle: (event: T, ctx: EventContext) => Promise<void>,
  logger: Logger,
): Promise<RunningConsumer> {
  return runDurableConsumer(
    backbone.js,
    backbone.jsm,
    { ...spec, filterSubject: type.subject },
    async (msg) => {
      const { event, correlationId } = decodeEvent(type, msg);
      await handle(event, { correlationId, logger: withCorrelation(logger, correlationId) });
    },
    logger,
  );
}

/**
 * An in-memory read model of one event type: every stored event is applied in order first
 * (`restore`, at start), then new ones are followed by a durable consumer (`follow`). The
 * consumer may hand over events the replay already applied: `follow` must be idempotent.
 */
export async function replayThenFollow<T>(
  backbone: { js: JetStreamClient; jsm: JetStreamManager },
  type: EventType<T>,
  spec: Omit<DurableConsumerSpec, "filterSubject">,
  restore: (event: T) => void,
  follow: (event: T, ctx: EventContext) => Promise<void>,
  logger: Logger,
): Promise<{ replayed: number; consumer: RunningConsumer }> {
  const replayed = await replaySubject(backbone.js, backbone.jsm, spec.stream, type.subject, (msg) =>
    restore(decodeEvent(type, msg).event),
  );
  return { replayed, consumer: await runEventConsumer(backbone, type, spec, follow, logger) };
}
