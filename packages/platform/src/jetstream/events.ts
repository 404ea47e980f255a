import { JetStreamClient, JsMsg, headers as natsHeaders } from "nats";
import { headerNames } from "../ids";
import { EventType } from "../contracts/subjects";
import { EventPublisher } from "../event-publisher";

export interface PublishOptions {
  eventId: string;
  correlationId: string;
  /** Optimistic concurrency: the publish fails unless the subject's last sequence is this one. */
  expectLastSubjectSequence?: number;
}

export interface Published {
  seq: number;
  duplicate: boolean;
}

/**
 * Publishes one event and resolves once JetStream has stored it. The event id becomes
 * Nats-Msg-Id, so a retried publish is dropped by the server instead of stored twice.
 */
export async function publishEvent<T>(js: JetStreamClient, type: EventType<T>, event: T, options: PublishOptions): Promise<Published> {
  const h = natsHeaders();
  h.set(headerNames.eventType, type.name);
  h.set(headerNames.eventCorrelationId, options.correlationId);
  const ack = await js.publish(type.subject, type.codec.encode(event).finish(), {
    msgID: options.eventId,
    headers: h,
    expect: options.expectLastSubjectSequence === undefined ? undefined : { lastSubjectSequence: options.expectLastSubjectSequence },
  });
  return { seq: ack.seq, duplicate: ack.duplicate };
}

/** The use cases' event port on JetStream: each event stored before the use case goes on. */
export function jetStreamPublisher(js: JetStreamClient): EventPublisher {
  return {
    async publish(type, event, ids) {
      await publishEvent(js, type, event, ids);
    },
  };
}

export interface ReceivedEvent<T> {
  event: T;
  correlationId: string;
  seq: number;
  redelivered: boolean;
}

export function decodeEvent<T>(type: EventType<T>, msg: JsMsg): ReceivedEvent<T> {
  return {
    event: type.codec.decode(msg.data),
    correlationId: msg.headers?.get(headerNames.eventCorrelationId) || "none",
    seq: msg.seq,
    redelivered: msg.redelivered,
  };
}

/** True when JetStream refused a publish because the subject moved on (a concurrent writer won). */
export function isWrongLastSequence(err: unknown): boolean {
  return err instanceof Error && /wrong last sequence/i.test(err.message);
}
