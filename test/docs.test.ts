import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eventTypes } from "@crisis/platform/contracts";
import { generatedDocuments, root } from "../deploy/tools/docs/index";
import { eventUse, protoMessages } from "../deploy/tools/docs/events";

describe("the generated documents", () => {
  const documents = generatedDocuments();

  it.each(Object.keys(documents))("%s is what the code says (npm run docs regenerates it)", (path) => {
    expect(readFileSync(join(root, path), "utf8")).toBe(documents[path]);
  });

  it("name, for every event, a service that emits it and its proto message", () => {
    const use = eventUse(root);
    const messages = protoMessages(join(root, "proto", "crisis", "v1"));
    for (const [key, type] of Object.entries(eventTypes)) {
      expect([key, use.get(key as keyof typeof eventTypes)!.emits.length]).toEqual([key, 1]);
      expect([key, messages.has(type.name.split(".").pop()!)]).toEqual([key, true]);
    }
  });

  it("describe every setting of every service", () => {
    const configuration = documents["docs/configuration.md"];
    const undescribed = configuration.split("\n").filter((line) => /^\| `[A-Z_0-9]+` \|/.test(line) && / \| {2}\|$/.test(line));
    expect(undescribed).toEqual([]);
  });

  it("leave the README an index that fits on about three screens", () => {
    expect(readFileSync(join(root, "README.md"), "utf8").split("\n").length).toBeLessThanOrEqual(150);
  });
});
