import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { stateDocument, stateRegister, streamNameOf } from "@crisis/platform";

const root = join(__dirname, "..");

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "gen" || name === "node_modules" ? [] : sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });

const serviceAndPlatformSources = () => [
  ...readdirSync(join(root, "services")).flatMap((s) => sources(join(root, "services", s, "src"))),
  ...sources(join(root, "packages", "platform", "src")),
];

/** The only places that may create a stream or a bucket: both read the register. */
const creators = [
  "packages/platform/src/jetstream/streams.ts",
  "packages/platform/src/jetstream/standby.ts",
  "packages/platform/src/state/buckets.ts",
  // Test support: a throwaway stream that proves all three test-cluster nodes can hold a replica.
  "packages/platform/src/testing/nats-cluster.ts",
];

describe("the state register", () => {
  it("lists every stream and bucket once", () => {
    const names = stateRegister.map(streamNameOf);
    expect(new Set(names).size).toBe(names.length);
  });

  it("says why each thing the second site leaves behind is left behind", () => {
    for (const entry of stateRegister) if (!entry.secondSite.carried) expect(entry.secondSite.reason.length).toBeGreaterThan(20);
  });

  it("is what docs/state.md says (npm run state-doc regenerates it)", () => {
    expect(readFileSync(join(root, "docs", "state.md"), "utf8")).toBe(stateDocument());
  });

  it("is the only way services create streams and buckets: no bucket or stream is made outside the platform's register readers", () => {
    const offenders = serviceAndPlatformSources()
      .map((path) => ({ path: relative(root, path), text: readFileSync(path, "utf8") }))
      .filter(({ path }) => !creators.includes(path))
      .filter(({ text }) => /views\.kv\(|streams\.add\(|\bKvm\b|subjects: \[\s*"/.test(text))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });
});
