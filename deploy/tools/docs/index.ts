import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { stateDocument } from "@crisis/platform";
import { configSchema as facilities } from "../../../services/facilities/src/config";
import { openApiDocument } from "../../../services/gateway/src/adapters/http/openapi";
import { operations } from "../../../services/gateway/src/adapters/http/route-catalogue";
import { configSchema as gateway } from "../../../services/gateway/src/config";
import { configSchema as notify } from "../../../services/notify/src/config";
import { configSchema as staffing } from "../../../services/staffing/src/config";
import { OpenApi, apiDocument } from "./api";
import { configurationDocument } from "./configuration";
import { eventsDocument, servicesTable } from "./events";

export const root = join(__dirname, "..", "..", "..");

const begin = "<!-- services:begin -->";
const end = "<!-- services:end -->";

/** The README with its table of services and events made anew between its markers. */
export function readmeWithServices(readme: string): string {
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md must keep the lines ${begin} and ${end} around the services table`);
  return [readme.slice(0, from + begin.length), ...servicesTable(root), readme.slice(to)].join("\n");
}

/**
 * Every generated document, by its path in the repository: made from what the code declares, so it
 * cannot drift (test/docs.test.ts fails while one on disk differs; `npm run docs` rewrites them).
 */
export function generatedDocuments(): Record<string, string> {
  const services: Record<string, z.ZodObject> = { gateway, facilities, staffing, notify };
  return {
    "docs/api.md": apiDocument(openApiDocument(Object.keys(operations)) as OpenApi),
    "docs/configuration.md": configurationDocument(services, root),
    "docs/events.md": eventsDocument(root),
    "docs/state.md": stateDocument(),
    "README.md": readmeWithServices(readFileSync(join(root, "README.md"), "utf8")),
  };
}
