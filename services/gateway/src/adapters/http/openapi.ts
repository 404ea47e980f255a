import { z } from "zod";
import { deprecatedSpellingsLink, oldSpellingsOf, spellingsDeprecatedAt } from "./old-spellings";
import { operations } from "./route-catalogue";

/** RFC 9457 problem+json, as every refusal leaves the gateway (problem.ts). */
const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe("stable error code"),
  detail: z.string().describe("for the person: in the request's language (lang cookie, Accept-Language) for the refusals a person meets"),
  message: z.string().describe("for developers and the logs, in English"),
  field: z.string().nullable().describe("the field, parameter or header at fault"),
  correlationId: z.string(),
});

const jsonSchema = (schema: z.ZodType, io: "input" | "output" = "input") =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
const openApiPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");
const content = (type: string, schema: object) => ({ content: { [type]: { schema } } });

/** The request spellings still taken but going, per route ("POST /api/v1/…"), from the same declarations. */
export function deprecatedSpellings(routes: string[]) {
  return {
    deprecatedAt: spellingsDeprecatedAt.toISOString(),
    spellings: routes.flatMap((route) =>
      Object.entries(oldSpellingsOf(operations[route]?.body)).map(([old, current]) => ({ route, old, current })),
    ),
  };
}

/** The OpenAPI 3.1 document of the routes the gateway serves ("METHOD /url", as fastify registered them), from their declarations. */
export function openApiDocument(routes: string[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const operation = operations[route];
    if (!operation) continue;
    const [method, url] = route.split(" ");
    const pathParams = [...url.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: "path", required: true, schema: { type: "string" } }));
    const queryParams = Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => ({
      name,
      in: "query",
      required: false,
      schema: jsonSchema(schema as z.ZodType),
    }));
    const idempotency =
      method === "POST" ? [{ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 } }] : [];
    const refusals = {
      ...(operation.roles ? { 401: "AUTH_REQUIRED or AUTH_INVALID", 403: `ROLE_FORBIDDEN: needs ${operation.roles.join(" or ")}` } : {}),
      ...(operation.body || operation.query ? { 422: "the field at fault" } : {}),
      ...operation.problems,
      503: "a service or the event backbone did not answer in time",
    };
    const oldSpellings = oldSpellingsOf(operation.body);
    paths[openApiPath(url)] ??= {};
    paths[openApiPath(url)][method.toLowerCase()] = {
      summary: operation.summary,
      ...(operation.roles ? { security: [{ bearer: [] }], "x-roles": operation.roles } : {}),
      parameters: [...pathParams, ...queryParams, ...idempotency],
      ...(operation.body ? { requestBody: { required: true, ...content("application/json", jsonSchema(operation.body)) } } : {}),
      // Old body spellings still taken (old → new), answered with a Deprecation header.
      ...(Object.keys(oldSpellings).length ? { "x-deprecated-spellings": oldSpellings } : {}),
      // A described answer wins over a refusal of the same status (/readyz answers 503 with its report).
      responses: {
        ...Object.fromEntries(
          Object.entries(refusals).map(([status, description]) => [
            status,
            { description, ...content("application/problem+json", { $ref: "#/components/schemas/Problem" }) },
          ]),
        ),
        ...Object.fromEntries(
          Object.entries(operation.responses).map(([status, description]) => {
            const answer = operation.answers?.[Number(status)];
            return [status, answer ? { description, ...content("application/json", jsonSchema(answer, "output")) } : { description }];
          }),
        ),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Crisis hub gateway",
      version: "1",
      "x-deprecated-spellings": { at: spellingsDeprecatedAt.toISOString(), link: deprecatedSpellingsLink },
    },
    paths,
    components: {
      schemas: { Problem: jsonSchema(problem, "output") },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
  };
}
