import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const root = join(__dirname, "..");

/** Kana and kanji: a string holding them speaks Japanese (punctuation such as ・ alone does not). */
const japanese = /[\u3041-\u3096\u30A1-\u30FA\u3400-\u4DBF\u4E00-\u9FFF]/;

/** The strings and template texts of a source that hold Japanese, with their lines (comments and regular expressions are not strings). */
function japaneseStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node);
    if (literal && japanese.test(node.text))
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.text}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith(".ts") ? [path] : [];
  });

const services = readdirSync(join(root, "services"));
/** A service's src and, when it is organised by area, each src/areas/<area> (they hold domain/ and app/ alike). */
const layered = (s: string): string[] => {
  const src = join(root, "services", s, "src");
  const areas = join(src, "areas");
  return [src, ...(existsSync(areas) ? readdirSync(areas).map((area) => join(areas, area)) : [])];
};
/** The gateway's server-drawn pages: the shared parts and every area's pages/. */
const gatewayAreas = join(root, "services/gateway/src/areas");
const pageFolders = [
  join(root, "services/gateway/src/adapters/http/page-parts"),
  ...readdirSync(gatewayAreas).map((area) => join(gatewayAreas, area, "http/pages")),
];
/**
 * The code that decides (domain, use cases), the shared package and the gateway's server-drawn pages,
 * where no sentence for people may be written.
 */
const scanned = [
  ...services.flatMap((s) => layered(s).flatMap((dir) => ["domain", "app"].map((part) => join(dir, part)))),
  join(root, "packages/platform/src"),
  ...pageFolders,
].flatMap((dir) => {
  try {
    return tsFiles(dir);
  } catch {
    return [];
  }
});

/** Where Japanese is data, not a sentence; each with why. */
const dataFiles: Record<string, string> = {
  "packages/platform/src/contracts/messages/": "the catalogue, the glossary and the names' readings",
  "packages/platform/src/contracts/gen/": "generated from the .proto files (their comments)",
  "packages/platform/src/contracts/vocabulary.ts": "the city's vocabulary in Japanese and English, which the glossary extends",
  "packages/platform/src/contracts/facility-state.ts": "the facility states' words in Japanese and English, which the glossary extends",
  "packages/platform/src/state/register.ts": "the state register's English descriptions, naming the city's own term (班)",
  "services/facilities/src/domain/public-facility-rows.ts": "the columns and facility kinds of the city's 公共施設一覧 CSV",
  "services/facilities/src/domain/registry-merge.ts": "how the city writes addresses (ヶ/ケ), to match two registries' rows",
  "services/facilities/src/domain/counters/office-hours.ts": "the weekdays as the city's office hours write them (月-金)",
  "services/staffing/src/domain/engine/wards.ts": "the wards by their names, which are the ward ids",
  "services/staffing/src/domain/roster/roster-rows.ts": "可/不可 as the roster CSV writes yes and no",
};

describe("every sentence for people is in the catalogue", () => {
  it("finds Japanese in strings and templates, not in comments or regular expressions", () => {
    const source = [
      "// 避難所の説明",
      "const kind = /区役所/;",
      'const title = "熊本市 お知らせ";',
      "const body = (n: number) => `あと${n}人です`;",
    ].join("\n");
    expect(japaneseStrings("x.ts", source)).toEqual(["x.ts:3: 熊本市 お知らせ", "x.ts:4: あと", "x.ts:4: 人です"]);
  });

  it("reaches every area of the gateway: its domain, use cases and pages", () => {
    const inAreas = scanned.map((path) => relative(root, path)).filter((file) => file.startsWith("services/gateway/src/areas/"));
    for (const part of ["/domain/", "/app/", "/http/pages/"]) expect(inAreas.some((file) => file.includes(part))).toBe(true);
  });

  it("no Japanese string is written in domain, use-case, platform or page code outside the catalogue and the data files", () => {
    const found = scanned
      .map((path) => relative(root, path))
      .filter((file) => !Object.keys(dataFiles).some((allowed) => file.startsWith(allowed)))
      .flatMap((file) => japaneseStrings(file, readFileSync(join(root, file), "utf8")));
    expect(found).toEqual([]);
  });
});
