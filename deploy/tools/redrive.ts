import { parseArgs } from "node:util";
import { connect } from "nats";
import { DeadLetter, entryForSubject, listDeadLetters, redriveDeadLetter, streamNameOf } from "@crisis/platform";

const usage = `usage: npm run redrive -- [--list] [--durable <name>] [--nats nats://host:4222[,…]]
  --list      show the parked events and their reasons, re-drive nothing
  --durable   only the events that this durable consumer gave up on
  --nats      the backbone (default: $NATS_URL or nats://127.0.0.1:4222)`;

/** Where a re-driven event goes, as the state register says: the stream that takes its subject, and its owner. */
const destination = (l: DeadLetter) => {
  const entry = entryForSubject(l.subject);
  return entry ? `${streamNameOf(entry)} (${entry.owner})` : "no registered stream";
};

const line = (l: DeadLetter) =>
  `#${l.seq} → ${destination(l)} ${l.parkedAt.toISOString()} ${l.durable} ${l.subject} (${l.stream}:${l.sequence}, ${l.attempts} attempts, correlation ${l.correlationId ?? "none"}): ${l.reason}`;

/**
 * Lists the events parked in the dead-letter stream, or re-drives them (after the fix is deployed):
 * each is published again on its original subject and then removed from the dead-letter stream.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      list: { type: "boolean", default: false },
      durable: { type: "string" },
      nats: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return void process.stdout.write(`${usage}\n`);
  const nc = await connect({ servers: (values.nats ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222").split(",") });
  try {
    const jsm = await nc.jetstreamManager();
    const letters = await listDeadLetters(jsm, values.durable);
    const scope = values.durable ? ` of ${values.durable}` : "";
    process.stdout.write(`${letters.length} parked event(s)${scope}\n`);
    for (const letter of letters) {
      if (values.list) {
        process.stdout.write(`${line(letter)}\n`);
        continue;
      }
      if (!entryForSubject(letter.subject)) {
        process.stdout.write(`not re-driven (no stream of the state register takes ${letter.subject}) ${line(letter)}\n`);
        continue;
      }
      const seq = await redriveDeadLetter(nc.jetstream(), jsm, letter);
      process.stdout.write(`re-driven ${line(letter)} → ${letter.subject} seq ${seq}\n`);
    }
  } finally {
    await nc.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n${usage}\n`);
  process.exit(2);
});
