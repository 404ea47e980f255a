import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedDocuments, root } from "./docs/index";

/** Writes every generated document (API, configuration, events, state) from the code. */
for (const [path, text] of Object.entries(generatedDocuments())) {
  writeFileSync(join(root, path), text);
  process.stdout.write(`${path} written\n`);
}
