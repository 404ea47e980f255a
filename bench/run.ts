/** `npm run bench -- <name>` runs bench/<name>/index.ts, which exports `run()`. */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

async function main(): Promise<void> {
  const name = process.argv[2];
  const available = readdirSync(__dirname, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  if (!name || !existsSync(join(__dirname, name, "index.ts"))) {
    console.error(`usage: npm run bench -- <name>   (one of: ${available.join(", ")})`);
    process.exit(2);
  }
  const bench = (await import(join(__dirname, name, "index.ts"))) as { run: (args: string[]) => Promise<void> };
  await bench.run(process.argv.slice(3));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
