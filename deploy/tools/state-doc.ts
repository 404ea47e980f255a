import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stateDocument } from "@crisis/platform";

/** Writes docs/state.md from the state register. */
writeFileSync(join(__dirname, "..", "..", "docs", "state.md"), stateDocument());
process.stdout.write("docs/state.md written\n");
