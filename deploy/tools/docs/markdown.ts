/** A JSON Schema as the generated documents read it (what zod's toJSONSchema writes). */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  [key: string]: unknown;
}

/** Text safe inside a Markdown table cell. */
export const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n+/g, " ");

/** A Markdown table. */
export const table = (head: string[], rows: string[][]) => [
  `| ${head.join(" | ")} |`,
  `|${head.map(() => "---").join("|")}|`,
  ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
];

/** A short type of a JSON Schema: `string (date-time)`, `"a" \| "b"`, `integer[]`, `Problem`. */
export function typeOf(s: JsonSchema | undefined): string {
  if (!s || Object.keys(s).length === 0) return "any";
  if (s.$ref) return s.$ref.split("/").pop() ?? s.$ref;
  if (s.enum) return s.enum.length > 8 ? `one of ${s.enum.length} words` : s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const union = s.anyOf ?? s.oneOf;
  if (union) return [...new Set(union.map(typeOf))].join(" | ");
  if (s.type === "array") return `${typeOf(s.items)}[]`;
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${type} (${s.format})` : type;
}
