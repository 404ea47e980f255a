import { JsonSchema, table, typeOf } from "./markdown";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  summary?: string;
  "x-roles"?: string[];
  "x-deprecated-spellings"?: Record<string, string>;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
}

/** The parts of an OpenAPI 3.1 document docs/api.md is made from. */
export interface OpenApi {
  info: { title: string; version: string; "x-deprecated-spellings"?: { at: string; link: string } };
  paths: Record<string, Record<string, Operation>>;
}

const fields = (schema: JsonSchema | undefined) =>
  Object.entries(schema?.properties ?? {}).map(([name, s]) => [
    `\`${name}\``,
    typeOf(s),
    schema?.required?.includes(name) ? "yes" : "",
    s.description ?? "",
  ]);

const jsonOf = (content: Record<string, { schema: JsonSchema }> | undefined) => content?.["application/json"]?.schema;

/** One route: who may call it, what it takes, how it answers. */
function route(method: string, path: string, op: Operation): string[] {
  const out = [`### ${method.toUpperCase()} ${path}`, "", op.summary ?? "", ""];
  out.push(op["x-roles"] ? `Roles: ${op["x-roles"].map((r) => `\`${r}\``).join(", ")}.` : "Anyone.", "");
  if (op.parameters?.length)
    out.push(
      ...table(
        ["parameter", "in", "type", "required"],
        op.parameters.map((p) => [`\`${p.name}\``, p.in, typeOf(p.schema), p.required ? "yes" : ""]),
      ),
      "",
    );
  const body = jsonOf(op.requestBody?.content);
  if (body?.properties) out.push("Body (JSON):", "", ...table(["field", "type", "required", "meaning"], fields(body)), "");
  const answers = Object.entries(op.responses).sort(([a], [b]) => Number(a) - Number(b));
  out.push(
    ...table(
      ["status", "answer"],
      answers.map(([status, r]) => [status, r.content?.["application/problem+json"] ? `problem+json: ${r.description}` : r.description]),
    ),
    "",
  );
  for (const [status, r] of answers) {
    const answer = jsonOf(r.content);
    if (answer?.properties)
      out.push(`Answer ${status} (JSON):`, "", ...table(["field", "type", "required", "meaning"], fields(answer)), "");
  }
  return out;
}

/** The request fields whose old (snake_case) spelling is still taken for one release. */
function deprecatedSpellings(doc: OpenApi, routes: { path: string; method: string; op: Operation }[]): string[] {
  const rows = routes.flatMap(({ path, method, op }) =>
    Object.entries(op["x-deprecated-spellings"] ?? {}).map(([old, now]) => [`${method.toUpperCase()} ${path}`, `\`${old}\``, `\`${now}\``]),
  );
  const deprecated = doc.info["x-deprecated-spellings"];
  if (!rows.length || !deprecated) return [];
  return [
    "## Deprecated spellings",
    "",
    "The API spells every field in camelCase. These request fields are still taken in their old spelling until the next release:",
    `the old spelling is read as the new one, and the answer carries \`Deprecation: @${Date.parse(deprecated.at) / 1000}\``,
    `(RFC 9745: deprecated on ${deprecated.at.slice(0, 10)}) and \`Link: <${deprecated.link}>; rel="deprecation"\`.`,
    "Both spellings with different values are refused with 400 SPELLINGS_DIFFER naming the field. Answers use the new spellings only.",
    "",
    ...table(["route", "old", "new"], rows),
    "",
  ];
}

/** docs/api.md: every route of the OpenAPI document the gateway serves at /api/v1/openapi.json. */
export function apiDocument(doc: OpenApi): string {
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
  const areaOf = (path: string) => (path.startsWith("/api/v1/") ? `/api/v1/${path.split("/")[3]}` : "Pages and probes");
  const areas = [...new Set(routes.map((r) => areaOf(r.path)))];
  return [
    `# ${doc.info.title} API`,
    "",
    "Generated from the OpenAPI 3.1 document the gateway serves at `/api/v1/openapi.json`",
    "(made from each route's declaration, declareRoute, beside its handler in services/gateway/src/areas/<area>/http) by `npm run docs`; do not edit by hand (a test fails when it is stale).",
    "Every refusal is `application/problem+json`: `{type, title, status, code, detail, field, correlationId}`;",
    "a POST may carry an `Idempotency-Key` header (the same key and body answer the same again).",
    "Sign in (session cookie) or send `Authorization: Bearer <token>`: see [sign-in.md](sign-in.md).",
    "",
    ...deprecatedSpellings(doc, routes),
    ...areas.flatMap((area) => [
      `## ${area}`,
      "",
      ...routes.filter((r) => areaOf(r.path) === area).flatMap((r) => route(r.method, r.path, r.op)),
    ]),
  ].join("\n");
}
