import { join } from "node:path";
import { z } from "zod";
import { stateDocument } from "@crisis/platform";
import { configSchema as facilities } from "../../../services/facilities/src/config";
import { openApiDocument, operations } from "../../../services/gateway/src/adapters/http/openapi";
import { configSchema as gateway } from "../../../services/gateway/src/config";
import { configSchema as notify } from "../../../services/notify/src/config";
import { configSchema as staffing } from "../../../services/staffing/src/config";
import { OpenApi, apiDocument } from "./api";
import { configurationDocument } from "./configuration";
import { eventsDocument } from "./events";

export const root = join(__dirname, "..", "..", "..");

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
  };
}
