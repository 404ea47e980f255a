import { readFileSync } from "node:fs";
import { postTemplatesSchema, type PostTemplates } from "../../domain/plan/post-templates";

/** Reads and validates the post templates; a bad file stops the start, naming the field at fault. */
export function loadPostTemplates(path: string): PostTemplates {
  const parsed = postTemplatesSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new Error(`post templates ${path} are invalid — ${problems}`);
}
