import { AckPolicy, DeliverPolicy, JetStreamClient, JetStreamManager, JsMsg, nanos } from "nats";
import { isRedriveForOther } from "./dead-letters";

/** Messages per pull while replaying: large, so a rebuild spends its time applying, not waiting. */
const replayBatch = 4_096;

/** How long a replay may go without receiving anything before start fails (START_REPLAY_TIMEOUT_MS). */
let replayLimitMs = 120_000;

/** Set once at start from the service's config. */
export function limitReplays(ms: number): void {
  replayLimitMs = ms;
}

/**
 * Reads every stored message of a subject once, in order, then resolves: how in-memory
 * projections are rebuilt from the streams at start. Uses a short-lived consumer without
 * acks, which the server removes by itself once idle. Re-driven copies are skipped: the
 * original they repeat is in the stream. `onProgress` hears (read, stored) after every batch.
 */
export async function replaySubject(
  js: JetStreamClient,
  jsm: JetStreamManager,
  stream: string,
  subject: string,
  apply: (msg: JsMsg) => void,
  onProgress?: (read: number, stored: number) => void,
): Promise<number> {
  const info = await jsm.streams.info(stream, { subjects_filter: subject });
  // The filter may be a wildcard (one subject per entity): count every subject it matched.
  const stored = Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
  if (stored === 0) return 0;
  const { name } = await jsm.consumers.add(stream, {
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
    filter_subject: subject,
    inactive_threshold: nanos(60_000),
  });
  const consumer = await js.consumers.get(stream, name);
  let seen = 0;
  let pending = stored;
  let lastProgress = Date.now();
  // Until every message stored when the replay began (and any stored since) is read: a pull that
  // comes back empty on a loaded machine is asked again, never taken for the end of the stream,
  // or the service would act on a board that is not caught up.
  while (pending > 0) {
    // Asking for no more than is pending lets the batch end at once instead of waiting out its expiry.
    const batch = await consumer.fetch({ max_messages: Math.min(replayBatch, pending), expires: 5_000 });
    let got = 0;
    for await (const msg of batch) {
      if (!isRedriveForOther(msg)) apply(msg);
      seen++;
      got++;
      pending = msg.info.pending;
      lastProgress = Date.now();
    }
    onProgress?.(seen, stored);
    // Empty: ask the server what is really left (messages may have aged out since the count).
    if (got === 0) pending = (await jsm.consumers.info(stream, name)).num_pending;
    if (pending > 0 && Date.now() - lastProgress > replayLimitMs)
      throw new Error(
        `replaying ${subject} from ${stream}: ${seen} of ${stored} read, then nothing for START_REPLAY_TIMEOUT_MS=${replayLimitMs}`,
      );
  }
  await jsm.consumers.delete(stream, name);
  return seen;
}
