import { parseArgs } from "node:util";
import { connect } from "nats";
import { carriedState, followPrimary, followState, missingState, promoteStandby, stateRegister, streamNameOf } from "@crisis/platform";

const usage = `usage: npm run site -- <follow|status|promote> [--nats nats://standby:4222[,…]] [--primary-domain primary] [--replicas 1|3]
  follow    on the standby site: follow every stream and bucket of the primary that the register carries
            (JetStream domain --primary-domain)
  status    on the standby site: messages, last sequence and lag of each
  promote   on the standby site, once the primary is lost: every stream and bucket takes its subjects and
            stops following
What is carried and what is left behind (and why): docs/state.md, generated from the state register.`;

/** Everything the register carries to the second site; what it leaves behind is named with the reason. */
const followed = carriedState();
const leftBehind = stateRegister.filter((e) => !e.secondSite.carried);

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
    const missing = await missingState(jsm, followed);
    if (missing.length > 0) throw new Error(`not followed yet: ${missing.join(", ")} (run follow)`);
    for (const s of await followState(jsm, followed)) {
      const following = s.lag === undefined ? "writable (not following)" : `lag ${s.lag}, last heard ${s.activeMs} ms ago`;
      process.stdout.write(`${s.stream.padEnd(28)} ${String(s.messages).padStart(9)} messages, last seq ${s.lastSeq}, ${following}\n`);
    }
    for (const e of leftBehind) {
      if (!e.secondSite.carried) process.stdout.write(`${streamNameOf(e).padEnd(28)} not carried: ${e.secondSite.reason}\n`);
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
