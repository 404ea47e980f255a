import { z } from "zod";
import { StateKey, stateKeys } from "@crisis/platform/contracts";
import { errors } from "../../domain/errors";

/**
 * What every area's schemas (areas/<area>/http/schemas.ts) share: the request parsers and the fragments several
 * answers hold. Answers are described with the same schemas the API document publishes (and tests check real answers against).
 */

/** A mode, as every answer that shows one shows it. */
export const modeView = z.object({
  incident: z.string().nullable(),
  level: z.string(),
  wards: z.array(z.string()),
  reason: z.string(),
  declaredBy: z.string().nullable(),
  declaredAt: z.string().nullable(),
});

/** A time shown in Asia/Tokyo (+09:00), or null when there is none. */
export const tokyoTime = z.string().nullable();

export const source = z.enum(["playbook", "manual", "schedule"]).nullable();

/** What the registry says of a facility, in every view of one. */
export const registryEntry = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  ward: z.string(),
  address: z.string(),
  designatedShelter: z.boolean(),
});

/** The one reading of a facility's state (readFacilityState): what a person is told first, and why. */
export const reading = z.object({
  state: z.enum(stateKeys as [StateKey, ...StateKey[]]),
  shelterFirst: z.boolean(),
  shelter: z.string().nullable(),
  use: z.string().nullable(),
  reasons: z.array(z.string()),
  since: z.string().nullable(),
});

export const zoned = z.iso.datetime({ offset: true, message: "must be an RFC 3339 time with a zone, e.g. 2026-07-29T09:00:00+09:00" });

/** Parses a body; the first problem becomes a 422 BODY_INVALID naming the field (e.g. subscription.keys.auth). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  return parseWith(schema, body, errors.bodyInvalid);
}

/** Parses a query string's parameters; the first problem becomes a 422 QUERY_INVALID naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  return parseWith(schema, query, errors.queryInvalid);
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, invalid: (field: string, problem: string) => Error): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.reduce<string>(
    (path, part) => (typeof part === "number" ? `${path}[${part}]` : path ? `${path}.${String(part)}` : String(part)),
    "",
  );
  const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : undefined;
  throw invalid(unknownKeys ?? (field || "body"), issue.message);
}

/** The gateway's own answers (health, readiness). */
export const gatewayAnswers = {
  health: z.object({ status: z.literal("ok") }),
  ready: z.object({ ready: z.boolean(), checks: z.record(z.string(), z.boolean()) }),
  deprecations: z.object({
    deprecatedAt: z.string(),
    spellings: z.array(z.object({ route: z.string(), old: z.string(), current: z.string() })),
  }),
};
