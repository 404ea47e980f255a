import { join } from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import { connectBackbone, missingState, openReadModels, projectReadModels, stateEntry, streams } from "@crisis/platform";
import { replayBoard } from "../../services/facilities/src/adapters/nats/board-replay";
import { loadRegistry } from "../../services/facilities/src/adapters/data/load-registry";
import { CityBoard } from "../../services/facilities/src/domain/city-board";
import { checkPlaybookServices, loadCounterServices, loadPlaybooks } from "../../services/facilities/src/adapters/data/load-playbooks";

const usage = `usage: npm run rebuild -- facilities|read-models [--nats nats://host:4222[,…]] [--mongodb mongodb://…]
  facilities   replays the streams into the facilities service's in-memory board (what it does at every
               start) with a progress bar and reports what it holds
  read-models  replays the audit and facility streams into the operators' read models (audit, history,
               facilities near a point): into MongoDB with --mongodb or MONGODB_URL, resuming after each
               model's checkpoint (events already applied change nothing); in memory otherwise (a dry run)`;

const bar = (read: number, stored: number) => {
  const width = 40;
  const done = Math.round((read / Math.max(stored, 1)) * width);
  process.stderr.write(`\r[${"#".repeat(done)}${".".repeat(width - done)}] ${read.toLocaleString("en")} / ${stored.toLocaleString("en")}`);
};

async function rebuildFacilities(backbone: Awaited<ReturnType<typeof connectBackbone>>): Promise<string> {
  const dir = process.env.FACILITIES_DATA_DIR ?? join(__dirname, "..", "..", "data", "kumamoto");
  const services = loadCounterServices(join(dir, "counter_services.yaml"));
  const board = new CityBoard(loadRegistry(dir).facilities, services);
  const read = await replayBoard(backbone, board, checkPlaybookServices(loadPlaybooks(join(dir, "playbooks")), services), bar);
  const counts = Object.entries(read)
    .map(([what, n]) => `${n} ${what}`)
    .join(", ");
  return `facilities: replayed ${counts} onto ${board.facilities.length} facilities`;
}

async function rebuildReadModels(backbone: Awaited<ReturnType<typeof connectBackbone>>, mongodbUrl: string | undefined): Promise<string> {
  const models = await openReadModels(mongodbUrl);
  try {
    // Both streams at once: the bar shows their sum.
    const progress = new Map<string, [number, number]>();
    const projection = await projectReadModels(backbone, models, {
      follow: false,
      onProgress: (applied, total, subject) => {
        progress.set(subject, [applied, total]);
        const sum = [...progress.values()].reduce((s, [a, t]) => [s[0] + a, s[1] + t], [0, 0]);
        bar(sum[0], sum[1]);
      },
    });
    await projection.caughtUp;
    await projection.stop();
    const applied = [...progress.values()].reduce((s, [a]) => s + a, 0);
    const where = mongodbUrl ? "MongoDB" : "memory (a dry run: no MongoDB URL given)";
    return (
      `read-models: applied ${applied} events into ${where}; checkpoints: audit ${await models.audit.checkpoint()}, ` +
      `history ${await models.history.checkpoint()}, places ${await models.places.checkpoint()}; ` +
      `${(await models.audit.query({})).length} audit entries`
    );
  } finally {
    await models.close();
  }
}

/** The streams each rebuild replays, from the state register: a site without one of them cannot be rebuilt. */
const replayed = {
  facilities: [streams.facility, streams.service, streams.facilitiesDecision],
  "read-models": [streams.audit, streams.facility],
};

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { nats: { type: "string" }, mongodb: { type: "string" } } });
  const what = positionals[0];
  if (what !== "facilities" && what !== "read-models") throw new Error(`no read model to rebuild for ${what ?? "(none)"}`);
  const backbone = await connectBackbone(
    values.nats ?? process.env.NATS_URL ?? "nats://127.0.0.1:4222",
    "rebuild",
    pino({ level: "warn" }),
  );
  try {
    const missing = await missingState(
      backbone.jsm,
      replayed[what].map((s) => stateEntry(s.name)),
    );
    if (missing.length > 0) throw new Error(`this site has no ${missing.join(", ")}: nothing to rebuild ${what} from`);
    const started = Date.now();
    const said =
      what === "facilities"
        ? await rebuildFacilities(backbone)
        : await rebuildReadModels(backbone, values.mongodb ?? process.env.MONGODB_URL);
    process.stderr.write("\n");
    process.stdout.write(`${said} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await backbone.nc.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n${usage}\n`);
  process.exit(2);
});
