import { buildSync } from "esbuild";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";

export const browserDir = join(__dirname, "..", "..", "..", "browser");

/** Browsers that run the pages: module-era engines, so modern syntax ships as written (smaller). */
const target = ["chrome109", "firefox115", "safari15.4", "edge109"];

/**
 * The page scripts and the service worker, built from browser/*.ts in memory: one self-contained
 * script per entry (its shared modules bundled in), minified. Synchronous, so the first page drawn
 * can name the hashed files.
 */
function build(): Map<string, Buffer> {
  const entryPoints = readdirSync(browserDir)
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(browserDir, file));
  const result = buildSync({
    entryPoints,
    bundle: true,
    minify: true,
    format: "iife",
    target,
    write: false,
    outdir: "/",
    logLevel: "silent",
  });
  return new Map(result.outputFiles.map((file) => [basename(file.path), Buffer.from(file.contents)]));
}

let built: Map<string, Buffer> | undefined;

/** The built scripts by file name ("status.js", "sw.js"); built once per process (tests start many gateways). */
export const browserScripts = (): ReadonlyMap<string, Buffer> => (built ??= build());
