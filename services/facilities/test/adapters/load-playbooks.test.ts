import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkPlaybookServices, loadPlaybookFile } from "../../src/adapters/data/load-playbooks";
import { readGuidance } from "../../src/app/read-guidance";
import { counterServices, mode, playbooks } from "../city";

const write = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "playbook-")), name);
  writeFileSync(path, text);
  return path;
};

describe("playbook files", () => {
  it("has one playbook per incident and level for earthquake, flood, typhoon and pandemic", () => {
    const names = playbooks.map((p) => `${p.incident}-${p.level}`).sort();
    expect(names).toEqual(
      ["earthquake", "flood", "pandemic", "typhoon"].flatMap((i) => ["alert", "emergency", "watch"].map((l) => `${i}-${l}`)).sort(),
    );
  });

  it("tells citizens what to do now under every declaration, the same number of lines in Japanese and English", () => {
    for (const p of playbooks) {
      expect(`${p.file} ${p.guidance?.ja.length ?? 0}`).not.toBe(`${p.file} 0`);
      expect(`${p.file} ${p.guidance!.en.length}`).toBe(`${p.file} ${p.guidance!.ja.length}`);
    }
    const quake = readGuidance(playbooks, mode("earthquake", "emergency"));
    expect(quake.ja.join("\n")).toMatch(/余震[^]*災害用伝言ダイヤル 171/);
    expect(quake.en.join("\n")).toMatch(/aftershocks[^]*Dial 171/);
    expect(readGuidance(playbooks, mode("earthquake", "normal"))).toEqual({ ja: [], en: [] });
  });

  it("refuses guidance whose English has another number of lines than its Japanese, naming the path", () => {
    const path = write(
      "flood-watch.yaml",
      "incident: flood\nlevel: watch\nguidance:\n  ja: [川に近づかない, 持ち出し袋]\n  en: [Keep away from rivers]\nrules: []\n",
    );
    expect(() => loadPlaybookFile(path)).toThrow(/^flood-watch.yaml guidance\.en: ja and en need the same number of lines/);
  });

  it("names only counter services of the catalogue, and a typo is refused naming the file and the path", () => {
    expect(checkPlaybookServices(playbooks, counterServices)).toBe(playbooks);
    const typo = loadPlaybookFile(
      write(
        "flood-alert.yaml",
        "incident: flood\nlevel: alert\nrules:\n  - services: { ids: [risai_hom], channels: [online], level: extended, reason: x }\n",
      ),
    );
    expect(() => checkPlaybookServices([typo], counterServices)).toThrow(
      /^flood-alert.yaml rules\[0\]\.services\.ids\[0\]: "risai_hom" is not in counter_services.yaml/,
    );
  });

  it("refuses a bad kind, naming the file and the path in it", () => {
    const path = write(
      "flood-alert.yaml",
      "incident: flood\nlevel: alert\nrules:\n  - select: { category: [library] }\n    restriction: { kind: shut, reason: x }\n",
    );
    expect(() => loadPlaybookFile(path)).toThrow(/^flood-alert.yaml rules\[0\]\.restriction\.kind: /);
  });

  it("refuses an unknown category in a selector", () => {
    const path = write(
      "flood-alert.json",
      JSON.stringify({ incident: "flood", level: "alert", rules: [{ select: { category: ["castle"] }, shelter: "open" }] }),
    );
    expect(() => loadPlaybookFile(path)).toThrow(/flood-alert.json rules\[0\]\.select\.category\[0\]/);
  });

  it("refuses a file whose name says another incident or level than its content", () => {
    const path = write("typhoon-alert.yaml", "incident: flood\nlevel: alert\nrules: []\n");
    expect(() => loadPlaybookFile(path)).toThrow(/typhoon-alert.yaml incident: the file is for flood-alert/);
  });

  it("refuses YAML that does not parse, naming the file", () => {
    const path = write("flood-watch.yaml", "incident: [flood\n");
    expect(() => loadPlaybookFile(path)).toThrow(/^flood-watch.yaml: not valid YAML/);
  });
});
