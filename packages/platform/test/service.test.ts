import { spawn } from "node:child_process";
import { join } from "node:path";
import { childExited, waitUntil } from "../src";
import { NatsServerHandle, freePort, startNatsServer } from "../src/testing";

describe("runService for a service that brings its own HTTP server instead of gRPC", () => {
  let nats: NatsServerHandle;
  beforeAll(async () => {
    nats = await startNatsServer();
  });
  afterAll(() => nats.stop());

  it("serves it on the http port once NATS is connected, reports ready, and stops it first on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "fixtures", "http-service.ts")], {
      env: { ...process.env, NATS_URL: nats.url, PORT: String(port), LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout!.on("data", (chunk) => (log += chunk));
    try {
      const ready = await waitUntil(
        () =>
          fetch(`http://127.0.0.1:${port}/readyz`).then(
            (r) => (r.ok ? r.json() : undefined),
            () => undefined,
          ),
        "the service's own HTTP server reports ready",
        30_000,
      );
      expect(ready).toEqual({ ready: true, checks: { nats: true, state: true } });
      expect(log).toMatch(/"httpPort":\d+.*"msg":"http-only ready"/);
      child.kill("SIGTERM");
      await childExited(child);
      expect(child.exitCode).toBe(0);
      expect(log).toMatch(/"step":"stop HTTP \(finishes in-flight requests\)"/);
      expect(log).not.toMatch(/stop gRPC|stop health/);
    } finally {
      child.kill("SIGKILL");
    }
  });
});

describe("runService when NATS cannot be reached", () => {
  it("exits with one line naming the cause and the limit it waited", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "fixtures", "http-service.ts")], {
      env: { ...process.env, NATS_URL: `nats://127.0.0.1:${port}`, PORT: String(await freePort()), START_NATS_TIMEOUT_MS: "1500" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout!.on("data", (chunk) => (log += chunk));
    child.stderr!.on("data", (chunk) => (log += chunk));
    await childExited(child);
    expect(child.exitCode).toBe(1);
    const lines = log.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 60,
      msg: `http-only could not start: could not connect to NATS at nats://127.0.0.1:${port} within START_NATS_TIMEOUT_MS=1500`,
    });
  });
});
