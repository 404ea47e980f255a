import { isDeepStrictEqual } from "node:util";
import { FastifyReply } from "fastify";
import { z } from "zod";
import { errors } from "../../domain/errors";

/** When the snake_case request spellings were deprecated; they are accepted until the next release. */
export const spellingsDeprecatedAt = new Date("2026-12-07T00:00:00Z");

/** Where a client reads which spellings are going: the gateway's own answer, so the link in the header resolves. */
export const deprecatedSpellingsLink = "/api/v1/deprecations";

/** The old spellings a body schema still accepts: old path → new path ("needs.welfare_space" → "needs.welfareSpace"). */
const renamesOf = new WeakMap<z.ZodType, Readonly<Record<string, string>>>();

/** Marks a body schema as still taking old spellings; `serve` maps them to the new ones before parsing. */
export function acceptingOldSpellings<S extends z.ZodType>(schema: S, renames: Record<string, string>): S {
  renamesOf.set(schema, renames);
  return schema;
}

/** The old spellings a body schema accepts, for the API document. */
export const oldSpellingsOf = (schema: z.ZodType | undefined): Readonly<Record<string, string>> => (schema && renamesOf.get(schema)) ?? {};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The body with each old spelling moved to its new name (the given body is left as it is), and the
 * old spellings it used. Both spellings with different values: 400 naming the new field.
 */
export function respell(schema: z.ZodType | undefined, body: unknown): { body: unknown; used: string[] } {
  const used: string[] = [];
  let out = body;
  for (const [oldPath, newPath] of Object.entries(oldSpellingsOf(schema))) {
    const parents = oldPath.split(".");
    const oldKey = parents.pop()!;
    const newKey = newPath.split(".").pop()!;
    if (!isObject(out)) break;
    const root: Record<string, unknown> = { ...out };
    let parent: Record<string, unknown> | undefined = root;
    for (const key of parents) {
      const child: unknown = parent?.[key];
      parent = isObject(child) ? (parent![key] = { ...child }) : undefined;
    }
    if (!parent || !(oldKey in parent)) continue;
    if (newKey in parent && !isDeepStrictEqual(parent[newKey], parent[oldKey])) throw errors.spellingsDiffer(newPath, oldPath);
    parent[newKey] = parent[oldKey];
    delete parent[oldKey];
    used.push(oldPath);
    out = root;
  }
  return { body: out, used };
}

/** Tells the client it used a deprecated spelling (RFC 9745 Deprecation, RFC 8288 Link). */
export function markDeprecated(reply: FastifyReply) {
  reply
    .header("deprecation", `@${Math.floor(spellingsDeprecatedAt.getTime() / 1000)}`)
    .header("link", `<${deprecatedSpellingsLink}>; rel="deprecation"`);
}
