import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { entryForSubject, streamNameOf } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { cell, table } from "./markdown";

interface Field {
  type: string;
  name: string;
  comment: string;
}

interface Message {
  comment: string;
  fields: Field[];
  file: string;
}

const commentOf = (lines: string[]) =>
  lines
    .map((l) => l.replace(/^\s*\/\/\s?/, ""))
    .join(" ")
    .trim();

/** The top-level messages of the .proto files: their leading comment and their fields, each with its comment. */
export function protoMessages(protoDir: string): Map<string, Message> {
  const messages = new Map<string, Message>();
  for (const file of readdirSync(protoDir).filter((f) => f.endsWith(".proto"))) {
    const lines = readFileSync(join(protoDir, file), "utf8").split("\n");
    let comment: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const start = /^message (\w+) \{/.exec(line);
      if (!start) {
        comment = /^\/\//.test(line) ? [...comment, line] : [];
        continue;
      }
      const message: Message = { comment: commentOf(comment), fields: [], file };
      let fieldComment: string[] = [];
      let depth = 1;
      for (i++; i < lines.length && depth > 0; i++) {
        const body = lines[i];
        depth += (body.match(/\{/g) ?? []).length - (body.match(/\}/g) ?? []).length;
        const field = /^ {2}((?:repeated |optional )?[\w.]+(?:<[\w, .]+>)?) (\w+) = \d+;/.exec(body);
        if (depth === 1 && field) message.fields.push({ type: field[1], name: field[2], comment: commentOf(fieldComment) });
        fieldComment = /^ {2}\/\//.test(body) ? [...fieldComment, body] : [];
      }
      i--;
      messages.set(start[1], message);
      comment = [];
    }
  }
  return messages;
}

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "gen" || name === "node_modules" ? [] : sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });

/**
 * Who emits and who consumes each event, read from the services' code: a file that publishes
 * (`publishEvent(`, or a use case's `.publish(eventTypes.x`) emits the event types it names (`eventTypes.x`, or taken apart from `eventTypes`); any other file naming one consumes it (a service
 * reading its own events back at start is not listed as its consumer).
 */
export function eventUse(root: string): Map<keyof typeof eventTypes, { emits: string[]; consumes: string[] }> {
  const use = new Map(
    Object.keys(eventTypes).map((k) => [k as keyof typeof eventTypes, { emits: [] as string[], consumes: [] as string[] }]),
  );
  for (const service of readdirSync(join(root, "services")).sort()) {
    for (const path of sources(join(root, "services", service, "src"))) {
      const text = readFileSync(path, "utf8");
      const publishes = /publishEvent\(|\.publish\(\s*eventTypes\./.test(text);
      const destructured = [...text.matchAll(/\{([\w\s,]+)\} = eventTypes\b/g)].flatMap(([, names]) =>
        names.split(",").map((n) => n.trim()),
      );
      const named = [...text.matchAll(/eventTypes\.(\w+)/g)].map(([, key]) => key);
      for (const key of [...named, ...destructured.filter(Boolean)]) {
        const entry = use.get(key as keyof typeof eventTypes);
        if (!entry) throw new Error(`${relative(root, path)} names eventTypes.${key}, which does not exist`);
        const list = publishes ? entry.emits : entry.consumes;
        if (!list.includes(service)) list.push(service);
      }
    }
  }
  for (const entry of use.values()) entry.consumes = entry.consumes.filter((s) => !entry.emits.includes(s));
  return use;
}

/** Each service and the events it emits and consumes: in docs/events.md and, between its markers, in the README. */
export function servicesTable(root: string): string[] {
  const use = eventUse(root);
  const keys = Object.keys(eventTypes) as (keyof typeof eventTypes)[];
  const services = [...new Set([...use.values()].flatMap((u) => [...u.emits, ...u.consumes]))].sort();
  const subjects = (service: string, side: "emits" | "consumes") =>
    keys
      .filter((key) => use.get(key)![side].includes(service))
      .map((key) => `\`${eventTypes[key].subject}\``)
      .join(", ") || "—";
  return table(
    ["service", "emits", "consumes"],
    services.map((s) => [`[${s}](services/${s})`, subjects(s, "emits"), subjects(s, "consumes")]),
  );
}

/** docs/events.md: every event of the backbone from its subject (contracts/subjects.ts), its proto message and the code that uses it. */
export function eventsDocument(root: string): string {
  const messages = protoMessages(join(root, "proto", "crisis", "v1"));
  const use = eventUse(root);
  const entries = Object.entries(eventTypes) as [keyof typeof eventTypes, (typeof eventTypes)[keyof typeof eventTypes]][];
  const named = (list: string[]) => list.map((s) => `\`${s}\``).join(", ") || "—";
  return [
    "# Events",
    "",
    "Generated from `packages/platform/src/contracts/subjects.ts` (subjects), `proto/crisis/v1/*.proto`",
    "(payloads), the state register (streams) and the services' code (who publishes, with `publishEvent` or a use case's port, who reads)",
    "by `npm run docs`; do not edit by hand (a test fails when it is stale). Every event is a protobuf",
    "message on NATS JetStream with the headers `Nats-Msg-Id` (its event id: a repeat within the stream's",
    "duplicate window is dropped), the message name and the correlation id.",
    "",
    "## Who emits and who consumes",
    "",
    ...servicesTable(root).map((line) => line.replace(/\]\(services\//g, "](../services/")),
    "",
    "## Each event",
    "",
    ...entries.flatMap(([key, type]) => {
      const messageName = type.name.split(".").pop()!;
      const message = messages.get(messageName);
      const entry = entryForSubject(type.subject);
      const { emits, consumes } = use.get(key)!;
      return [
        `### \`${type.subject}\``,
        "",
        `Payload \`${type.name}\` (proto/crisis/v1/${message?.file ?? "?"}), stream \`${entry ? streamNameOf(entry) : "none"}\`;`,
        `emitted by ${named(emits)}, consumed by ${named(consumes)}.`,
        "",
        ...(message?.comment ? [cell(message.comment), ""] : []),
        ...(message
          ? [
              ...table(
                ["field", "type", "meaning"],
                message.fields.map((f) => [`\`${f.name}\``, `\`${f.type}\``, f.comment]),
              ),
              "",
            ]
          : []),
      ];
    }),
  ].join("\n");
}
