import { join } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { connectBackbone } from "@crisis/platform";
import { replayBoard } from "../../services/facilities/src/adapters/nats/board-replay";
import { loadRegistry } from "../../services/facilities/src/adapters/data/load-registry";
import { CityBoard } from "../../services/facilities/src/domain/city-board";
import { checkPlaybookServices, loadCounterServices, loadPlaybooks } from "../../services/facilities/src/adapters/data/load-playbooks";

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
    const dir = process.env.FACILITIES_DATA_DIR ?? join(__dirname, "..", "..", "data", "kumamoto");
    const services = loadCounterServices(join(dir, "counter_services.yaml"));
    const board = new CityBoard(loadRegistry(dir).facilities, services);
    const started = Date.now();
    const read = await replayBoard(backbone, board, checkPlaybookServices(loadPlaybooks(join(dir, "playbooks")), services), bar);
    process.stderr.write("\n");
    const counts = Object.entries(read)
      .map(([what, n]) => `${n} ${what}`)
      .join(", ");
    process.stdout.write(
      `facilities: replayed ${counts} in ${((Date.now() - started) / 1000).toFixed(1)} s onto ${board.facilities.length} facilities\n`,
    );
  } finally {
    await backbone.nc.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n${usage}\n`);
  process.exit(2);
});
