import { JetStreamClient, JetStreamManager, JsMsg, MsgHdrs, StoredMsg, headers as natsHeaders } from "nats";
import { headerNames } from "../ids";
import { deadLetterSubjects } from "../contracts/subjects";
import { deadLettersParked } from "../metrics";
import { isNotFound, streams } from "./streams";

/** Headers a parked message carries besides the original event's own (type, correlation id). */
export const deadLetterHeaders = {
  subject: "Crisis-Dead-Letter-Subject",
  stream: "Crisis-Dead-Letter-Stream",
  sequence: "Crisis-Dead-Letter-Sequence",
  durable: "Crisis-Dead-Letter-Durable",
  reason: "Crisis-Dead-Letter-Reason",
  attempts: "Crisis-Dead-Letter-Attempts",
  msgId: "Crisis-Dead-Letter-Msg-Id",
  /** On a re-driven event: the stream and sequence of the copy that was parked. */
  redrivenFrom: "Crisis-Redriven-From",
  /** On a re-driven event: the only durable consumer that handles it; every other one skips it. */
  redrivenFor: "Crisis-Redriven-For",
} as const;

/** True when a message is a re-driven copy meant for another consumer (or for none: a replay). */
export function isRedriveForOther(msg: { headers?: MsgHdrs }, durable?: string): boolean {
  const target = msg.headers?.get(deadLetterHeaders.redrivenFor);
  return !!target && target !== durable;
}

const copiedHeaders = [headerNames.eventType, headerNames.eventCorrelationId];
/** Headers stay one line: a stack trace is in the log, the reason is its first line, cut short. */
const reasonLength = 500;

const parkedHere = new Map<string, number>();

/** Events this process parked since it started, per durable consumer (for a metrics counter). */
export function parkedInThisProcess(): ReadonlyMap<string, number> {
  return parkedHere;
}

/**
 * Copies a message its consumer gave up on into the dead-letter stream, with where it came from
 * and why. The dead letter's Nats-Msg-Id is derived from the durable and the original's place, so
 * parking again after a crash between park and term stores nothing twice.
 */
export async function parkMessage(js: JetStreamClient, msg: JsMsg, durable: string, reason: unknown): Promise<void> {
  const h = natsHeaders();
  for (const name of copiedHeaders) {
    const value = msg.headers?.get(name);
    if (value) h.set(name, value);
  }
  const text = reason instanceof Error ? reason.message : String(reason);
  h.set(deadLetterHeaders.subject, msg.subject);
  h.set(deadLetterHeaders.stream, msg.info.stream);
  h.set(deadLetterHeaders.sequence, String(msg.seq));
  h.set(deadLetterHeaders.durable, durable);
  h.set(deadLetterHeaders.reason, (text.split("\n")[0] || "unknown").slice(0, reasonLength));
  h.set(deadLetterHeaders.attempts, String(msg.info.redeliveryCount));
  const originalId = msg.headers?.get("Nats-Msg-Id");
  if (originalId) h.set(deadLetterHeaders.msgId, originalId);
  await js.publish(deadLetterSubjects.parked, msg.data, { msgID: `${durable}/${msg.info.stream}/${msg.seq}`, headers: h });
  parkedHere.set(durable, (parkedHere.get(durable) ?? 0) + 1);
  deadLettersParked.inc({ consumer: durable });
}

/** One parked event as an operator sees it. */
export interface DeadLetter {
  /** Its sequence in the dead-letter stream. */
  seq: number;
  durable: string;
  subject: string;
  stream: string;
  sequence: number;
  reason: string;
  attempts: number;
  correlationId?: string;
  eventType?: string;
  originalMsgId?: string;
  parkedAt: Date;
  data: Uint8Array;
}

/** How many events wait in the dead-letter stream (0 when it does not exist yet). */
export async function countDeadLetters(jsm: JetStreamManager): Promise<number> {
  try {
    return (await jsm.streams.info(streams.deadLetter.name)).state.messages;
  } catch (err) {
    if (isNotFound(err)) return 0;
    throw err;
  }
}

/** Every parked event, oldest first, optionally only those of one durable consumer. */
export async function listDeadLetters(jsm: JetStreamManager, durable?: string): Promise<DeadLetter[]> {
  let state: { first_seq: number; last_seq: number; messages: number };
  try {
    state = (await jsm.streams.info(streams.deadLetter.name)).state;
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
  const found: DeadLetter[] = [];
  if (state.messages === 0) return found;
  // Dead letters are few; re-driven ones leave gaps, which answer 404.
  for (let seq = state.first_seq; seq <= state.last_seq; seq++) {
    let stored: StoredMsg;
    try {
      stored = await jsm.streams.getMessage(streams.deadLetter.name, { seq });
    } catch (err) {
      if (isNotFound(err)) continue;
      throw err;
    }
    const letter = toDeadLetter(stored);
    if (durable === undefined || letter.durable === durable) found.push(letter);
  }
  return found;
}

function toDeadLetter(stored: StoredMsg): DeadLetter {
  const h = stored.header as MsgHdrs;
  const get = (name: string) => h.get(name) || undefined;
  return {
    seq: stored.seq,
    durable: get(deadLetterHeaders.durable) ?? "?",
    subject: get(deadLetterHeaders.subject) ?? "?",
    stream: get(deadLetterHeaders.stream) ?? "?",
    sequence: Number(get(deadLetterHeaders.sequence) ?? 0),
    reason: get(deadLetterHeaders.reason) ?? "",
    attempts: Number(get(deadLetterHeaders.attempts) ?? 0),
    correlationId: get(headerNames.eventCorrelationId),
    eventType: get(headerNames.eventType),
    originalMsgId: get(deadLetterHeaders.msgId),
    parkedAt: stored.time,
    data: stored.data,
  };
}

/**
 * Publishes a parked event again on its original subject, then removes it from the dead-letter
 * stream. The copy keeps the payload, event type and correlation id, but needs a Nats-Msg-Id of
 * its own: the original id is still inside the stream's duplicate window (24 h), where JetStream
 * would drop it silently. The new id is derived from the dead letter, so a re-drive repeated after
 * a crash publishes nothing twice. The copy names the consumer it is for: the others, which
 * handled the original, skip it, and so do replays, which read the original.
 */
export async function redriveDeadLetter(js: JetStreamClient, jsm: JetStreamManager, letter: DeadLetter): Promise<number> {
  const h = natsHeaders();
  if (letter.eventType) h.set(headerNames.eventType, letter.eventType);
  if (letter.correlationId) h.set(headerNames.eventCorrelationId, letter.correlationId);
  h.set(deadLetterHeaders.redrivenFrom, `${letter.stream}:${letter.sequence}`);
  h.set(deadLetterHeaders.redrivenFor, letter.durable);
  const id = `${letter.originalMsgId ?? `${letter.stream}:${letter.sequence}`}/redrive/${letter.seq}`;
  const ack = await js.publish(letter.subject, letter.data, { msgID: id, headers: h });
  await jsm.streams.deleteMessage(streams.deadLetter.name, letter.seq, false);
  return ack.seq;
}
