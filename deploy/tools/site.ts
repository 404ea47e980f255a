import { parseArgs } from "node:util";
import { connect } from "nats";
import { StreamSpec, followPrimary, followState, promoteStandby, streams } from "@crisis/platform";

const usage = `usage: npm run site -- <follow|status|promote> [--nats nats://standby:4222[,…]] [--primary-domain primary] [--replicas 1|3]
  follow    on the standby site: follow every event stream of the primary (JetStream domain --primary-domain)
  status    on the standby site: messages, last sequence and lag of each stream
  promote   on the standby site, once the primary is lost: every stream takes its subjects and stops following`;

/** Every stream of the city that keeps history; work queues (notify's push queue) are not carried. */
const followed: StreamSpec[] = Object.values(streams);

/** The second site's drill, step by step: deploy/production/README.md. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      nats: { type: "string" },
      "primary-domain": { type: "string", default: "primary" },
      replicas: { type: "string", default: "1" },
    },
  });
  const command = positionals[0];
  if (!["follow", "status", "promote"].includes(command ?? "")) throw new Error(`unknown command ${command ?? "(none)"}`);
  const nc = await connect({ servers: (values.nats ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222").split(",") });
  try {
    const jsm = await nc.jetstreamManager();
    if (command === "follow") await followPrimary(jsm, values["primary-domain"], followed, Number(values.replicas));
    if (command === "promote") await promoteStandby(jsm, followed);
    for (const s of await followState(jsm, followed)) {
      const following = s.lag === undefined ? "writable (not following)" : `lag ${s.lag}, last heard ${s.activeMs} ms ago`;
      process.stdout.write(`${s.stream.padEnd(18)} ${String(s.messages).padStart(9)} messages, last seq ${s.lastSeq}, ${following}\n`);
    }
    process.stdout.write(`${command} done\n`);
  } finally {
    await nc.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n${usage}\n`);
  process.exit(2);
});
