import { buildSync } from "esbuild";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { ResidentLang, residentLanguages, say } from "@crisis/platform/contracts";

export const browserDir = join(__dirname, "..", "..", "..", "browser");

/** Browsers that run the pages: module-era engines, so modern syntax ships as written (smaller). */
const target = ["chrome109", "firefox115", "safari15.4", "edge109"];

/** The service worker's notice for a page never saved, in every resident language. */
export type NotSavedWords = Record<ResidentLang, { title: string; text: string; back: string }>;

/** From the catalogue, as plain text (easy Japanese readings in brackets): the worker has no page to draw furigana on. */
const notSavedWords = (): NotSavedWords =>
  Object.fromEntries(
    residentLanguages.map((lang) => [
      lang,
      { title: say(lang, "notSavedTitle"), text: say(lang, "notSavedText"), back: say(lang, "notSavedBack") },
    ]),
  ) as NotSavedWords;

/**
 * The page scripts (browser/*.ts) and the service worker (browser/sw/sw.ts), built in memory: one
 * self-contained script per entry (its shared modules bundled in), minified. Synchronous, so the
 * first page drawn can name the hashed files.
 */
function build(): Map<string, Buffer> {
  const pages = readdirSync(browserDir).filter((file) => file.endsWith(".ts"));
  const result = buildSync({
    entryPoints: [
      ...pages.map((file) => ({ in: join(browserDir, file), out: basename(file, ".ts") })),
      { in: join(browserDir, "sw", "sw.ts"), out: "sw" },
    ],
    bundle: true,
    minify: true,
    // The pages are served as UTF-8: Japanese as it is, not as \u escapes twice its size.
    charset: "utf8",
    format: "iife",
    target,
    define: { NOT_SAVED_WORDS: JSON.stringify(notSavedWords()) },
    write: false,
    outdir: "/",
    logLevel: "silent",
  });
  return new Map(result.outputFiles.map((file) => [basename(file.path), Buffer.from(file.contents)]));
}

let built: Map<string, Buffer> | undefined;

/** The built scripts by file name ("status.js", "sw.js"); built once per process (tests start many gateways). */
export const browserScripts = (): ReadonlyMap<string, Buffer> => (built ??= build());
