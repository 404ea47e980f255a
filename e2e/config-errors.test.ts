import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../deploy/embedded/system";

const start = (service: string, env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", join("services", service, "src", "main.ts")], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });

describe("a service started with a bad setting", () => {
  it("exits at once with a message naming the variable", () => {
    const run = start("notify", { VAPID_PUBLIC_KEY: "not-a-key", VAPID_PRIVATE_KEY: "x", PUSH_ALLOWED_ORIGINS: "http://push.example" });
    expect(run.status).toBe(1);
    const fatal = JSON.parse(run.stdout.trim().split("\n").pop()!);
    expect(fatal.err.message).toMatch(/VAPID_PUBLIC_KEY: must be a 65-byte P-256 public key/);
    expect(fatal.err.message).toMatch(/VAPID_PRIVATE_KEY/);
    expect(fatal.err.message).toMatch(/PUSH_ALLOWED_ORIGINS: "http:\/\/push.example" is not an https origin/);
  });

  it("names a missing variable the gateway cannot start without", () => {
    const run = start("gateway", { TOKEN_PUBLIC_KEY: "" });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/TOKEN_PUBLIC_KEY: must be an Ed25519 public key/);
  });
});
