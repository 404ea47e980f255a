import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { channels, reasonPhraseLacks } from "@crisis/platform/contracts";
import { CounterServiceDef } from "../../domain/counter-services";
import { Playbook, playbookSchema, toPlaybook } from "../../domain/playbook";

/** A playbook or catalogue file that cannot be used, naming the file and the path in it. */
export class DataFileError extends Error {
  constructor(file: string, path: string, problem: string) {
    super(`${file}${path ? ` ${path}` : ""}: ${problem}`);
    this.name = "DataFileError";
  }
}

const pathOf = (path: PropertyKey[]) =>
  path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");

function readYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new DataFileError(basename(path), "", `not valid YAML/JSON: ${(err as Error).message.split("\n")[0]}`);
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DataFileError(file, pathOf(issue.path) || "(top)", issue.message);
}

/** Reads one playbook file (YAML or JSON), validated: an error names the file and the path in it. */
export function loadPlaybookFile(path: string): Playbook {
  const file = basename(path);
  const playbook = toPlaybook(validate(playbookSchema, readYaml(path), file), file);
  const expected = `${playbook.incident}-${playbook.level}`;
  if (!file.startsWith(`${expected}.`)) throw new DataFileError(file, "incident", `the file is for ${expected}; name it ${expected}.yaml`);
  return playbook;
}

/** Every playbook of the folder (one file per incident and level). */
export function loadPlaybooks(dir: string): Playbook[] {
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => loadPlaybookFile(join(dir, f)));
}

const catalogueSchema = z.array(
  z.strictObject({
    id: z.string().regex(/^[a-z_]+$/, "lower-case letters and _ only"),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    channels: z.array(z.enum(channels)).min(1),
  }),
);

/** The counter services catalogue (counter_services.yaml). */
export function loadCounterServices(path: string): CounterServiceDef[] {
  return validate(catalogueSchema, readYaml(path), basename(path));
}

/** A playbook may name only services of the catalogue: a typo would silently change nothing. */
export function checkPlaybookServices(playbooks: Playbook[], services: CounterServiceDef[]): Playbook[] {
  const known = new Set(services.map((s) => s.id));
  for (const p of playbooks)
    p.rules.forEach((rule, i) =>
      rule.services?.ids.forEach((id, j) => {
        if (!known.has(id)) throw new DataFileError(p.file, `rules[${i}].services.ids[${j}]`, `"${id}" is not in counter_services.yaml`);
      }),
    );
  return playbooks;
}

/** A reason phrase must have words in every resident language: residents would otherwise read the city's Japanese. */
export function checkPlaybookReasons(playbooks: Playbook[]): Playbook[] {
  for (const p of playbooks)
    p.rules.forEach((rule, i) => {
      const said = [
        ...(rule.restriction ? [{ path: `rules[${i}].restriction.reason`, phrase: rule.restriction.reason }] : []),
        ...(rule.services ? [{ path: `rules[${i}].services.reason`, phrase: rule.services.reason }] : []),
      ];
      for (const { path, phrase } of said) {
        const lacks = reasonPhraseLacks(phrase);
        if (lacks.length)
          throw new DataFileError(
            p.file,
            path,
            `"${phrase}" has no words in ${lacks.join(", ")}: add it to the reason glossary (contracts/messages/playbook-reasons.ts)`,
          );
      }
    });
  return playbooks;
}
