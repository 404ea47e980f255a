import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkPlaybookReasons, checkPlaybookServices, loadPlaybookFile } from "../../src/adapters/data/load-playbooks";
import { glossary, guidanceToWire, noGuidance, reasonPhraseLacks, residentLanguages } from "@crisis/platform/contracts";
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

  it("tells citizens what to do now under every declaration, in every resident language, the same number of lines in each", () => {
    for (const p of playbooks) {
      expect(`${p.file} ${p.guidance?.ja.length ?? 0}`).not.toBe(`${p.file} 0`);
      for (const lang of residentLanguages)
        expect(`${p.file} ${lang} ${p.guidance![lang].length}`).toBe(`${p.file} ${lang} ${p.guidance!.ja.length}`);
    }
    const quake = readGuidance(playbooks, mode("earthquake", "emergency"));
    expect(quake.ja.join("\n")).toMatch(/余震[^]*災害用伝言ダイヤル 171/);
    expect(quake.en.join("\n")).toMatch(/aftershocks[^]*Dial 171/);
    expect(quake.ne.join("\n")).toMatch(/पराकम्पन[^]*आश्रयस्थल[^]*171/);
    expect(quake.vi.join("\n")).toMatch(/Dư chấn[^]*nơi lánh nạn[^]*171/);
    expect(quake.jaXEasy.join("\n")).toMatch(/余震\[よしん\][^]*避難所\[ひなんじょ\][^]*171/);
    expect(readGuidance(playbooks, mode("earthquake", "normal"))).toEqual(guidanceToWire(noGuidance()));
  });

  it("writes each language's guidance for itself: no line is another language's copy", () => {
    for (const p of playbooks)
      for (const [i, a] of residentLanguages.entries())
        for (const b of residentLanguages.slice(i + 1))
          p.guidance![a].forEach((line, n) =>
            expect(`${p.file} ${a}/${b} [${n}] ${line}`).not.toBe(`${p.file} ${a}/${b} [${n}] ${p.guidance![b][n]}`),
          );
  });

  it("uses the glossary's words for a shelter and an aftershock in every language", () => {
    const quake = playbooks.find((p) => p.file === "earthquake-emergency.yaml")!.guidance!;
    for (const lang of residentLanguages) {
      // Lower case: a sentence may start with the term ("Dư chấn…").
      const text = quake[lang].join(" ").toLowerCase();
      expect([lang, text.includes(glossary.shelter[lang].toLowerCase())]).toEqual([lang, true]);
      expect([lang, text.includes(glossary.aftershock[lang].split("（")[0].toLowerCase())]).toEqual([lang, true]);
    }
  });

  it("refuses guidance that misses a resident language, naming the file and the language", () => {
    const path = write(
      "flood-watch.yaml",
      "incident: flood\nlevel: watch\nguidance:\n  ja: [川に近づかない]\n  en: [Keep away from rivers]\nrules: []\n",
    );
    expect(() => loadPlaybookFile(path)).toThrow(
      /^flood-watch.yaml guidance\.ja-x-easy: missing: guidance must be written in every resident language/,
    );
  });

  it("refuses guidance whose English has another number of lines than its Japanese, naming the path", () => {
    const others = residentLanguages
      .filter((l) => l !== "ja" && l !== "en")
      .map((l) => `  ${l}: [x]\n`)
      .join("");
    const path = write(
      "flood-watch.yaml",
      `incident: flood\nlevel: watch\nguidance:\n  ja: [川に近づかない]\n  en: [Keep away from rivers, Bag]\n${others}rules: []\n`,
    );
    expect(() => loadPlaybookFile(path)).toThrow(/^flood-watch.yaml guidance\.en: 2 lines where ja has 1/);
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

  it("gives every reason phrase of the playbooks, one line or several, words in every resident language", () => {
    const phrases = new Set(playbooks.flatMap((p) => p.rules.flatMap((r) => [r.restriction?.reason, r.services?.reason])).filter(Boolean));
    expect(phrases).toContain("窓口時間の短縮・予約制（コンビニ交付・オンライン申請をご利用ください）");
    for (const phrase of phrases) expect([phrase, reasonPhraseLacks(phrase!)]).toEqual([phrase, []]);
    expect(checkPlaybookReasons(playbooks)).toBe(playbooks);
  });

  it("refuses a reason phrase without words in the resident languages, naming the file, the path and the phrase", () => {
    const unknown = loadPlaybookFile(
      write(
        "flood-alert.yaml",
        "incident: flood\nlevel: alert\nrules:\n  - services: { ids: [risai_home], channels: [online], level: extended, reason: 窓口を移転 }\n",
      ),
    );
    expect(() => checkPlaybookReasons([unknown])).toThrow(
      /^flood-alert.yaml rules\[0\]\.services\.reason: "窓口を移転" has no words in ja, ja-x-easy, en, /,
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
