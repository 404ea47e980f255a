import { relative } from "node:path";
import { z } from "zod";
import { commonSettings } from "@crisis/platform";
import { JsonSchema, table, typeOf } from "./markdown";

/** What a value may be: its type and limits, as the schema checks them. */
function accepts(schema: JsonSchema): string {
  // zod writes the safe-integer range for an integer without a bound of its own.
  const bound = (n: number | undefined) => (n === undefined || Math.abs(n) === Number.MAX_SAFE_INTEGER ? undefined : n);
  const s = { ...schema, minimum: bound(schema.minimum), maximum: bound(schema.maximum) };
  const limits = [
    s.minimum !== undefined && s.maximum !== undefined ? `${s.minimum}–${s.maximum}` : "",
    s.minimum !== undefined && s.maximum === undefined ? `≥ ${s.minimum}` : "",
    s.exclusiveMinimum !== undefined ? `> ${s.exclusiveMinimum}` : "",
    s.minLength !== undefined && s.minLength === s.maxLength ? `${s.minLength} characters` : "",
  ].filter(Boolean);
  return [typeOf(schema), ...limits].join(", ");
}

/** The default as an operator would write it (paths relative to the repository; machine-dependent ones as words). */
function defaultOf(field: z.ZodType, s: JsonSchema, root: string): string {
  const shown = (field.meta() as { shownDefault?: string } | undefined)?.shownDefault;
  if (shown) return shown;
  if (s.default === undefined) return "";
  const value = typeof s.default === "string" && s.default.startsWith(root) ? relative(root, s.default) : s.default;
  return value === "" ? '""' : `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;
}

function settingsTable(schema: z.ZodObject, names: string[], root: string): string[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return table(
    ["variable", "default", "accepts", "what it is"],
    names.map((name) => {
      const s = json.properties?.[name] ?? {};
      const required = json.required?.includes(name) ? "**required**" : "";
      return [`\`${name}\``, required || defaultOf(schema.shape[name] as z.ZodType, s, root), accepts(s), s.description ?? ""];
    }),
  );
}

/** docs/configuration.md: every environment variable of every service, from the zod schemas that check them at start. */
export function configurationDocument(services: Record<string, z.ZodObject>, root: string): string {
  const common = Object.keys(commonSettings);
  const first = Object.values(services)[0];
  return [
    "# Configuration",
    "",
    "Generated from the services' config schemas (`services/<name>/src/config.ts`, the common part in",
    "`packages/platform/src/config.ts`) by `npm run docs`; do not edit by hand (a test fails when it is stale).",
    "Every service validates its environment once, at start, and exits naming each variable at fault.",
    "",
    "## Every service",
    "",
    ...settingsTable(first, common, root),
    "",
    ...Object.entries(services).flatMap(([name, schema]) => [
      `## ${name}`,
      "",
      ...settingsTable(
        schema,
        Object.keys(schema.shape).filter((key) => !common.includes(key)),
        root,
      ),
      "",
    ]),
  ].join("\n");
}
