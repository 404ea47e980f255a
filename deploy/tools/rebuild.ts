import { join } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { connectBackbone } from "@crisis/platform";
import { replayBoard } from "../../services/facilities/src/adapters/nats/board-replay";
import { loadRegistry } from "../../services/facilities/src/adapters/data/load-registry";
import { FacilityBoard } from "../../services/facilities/src/domain/facility-board";

const usage = `usage: npm run rebuild -- facilities [--nats nats://host:4222[,…]]
  replays the streams into the service's read model with a progress bar and reports what it holds;
  the read models are in memory, so this is the dry run of what the service does at every start`;

const bar = (read: number, stored: number) => {
  const width = 40;
  const done = Math.round((read / Math.max(stored, 1)) * width);
  process.stderr.write(`\r[${"#".repeat(done)}${".".repeat(width - done)}] ${read.toLocaleString("en")} / ${stored.toLocaleString("en")}`);
};

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { nats: { type: "string" } } });
  if (positionals[0] !== "facilities") throw new Error(`no read model to rebuild for ${positionals[0] ?? "(none)"}`);
  const backbone = await connectBackbone(
    values.nats ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222",
    "rebuild",
    pino({ level: "warn" }),
  );
  try {
    const board = new FacilityBoard(loadRegistry(join(__dirname, "..", "..", "data", "kumamoto")));
    const started = Date.now();
    const read = await replayBoard(backbone, board, bar);
    const changed = board.facilities.filter((f) => board.stateOf(f.id).lastChange).length;
    process.stderr.write("\n");
    process.stdout.write(
      `facilities: ${read} status events replayed in ${((Date.now() - started) / 1000).toFixed(1)} s; ${changed} of ${board.facilities.length} facilities have a status from the stream\n`,
    );
  } finally {
    await backbone.nc.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n${usage}\n`);
  process.exit(2);
});
