import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A real nats-server with JetStream for tests: its own port and store dir, removed on stop. */
export interface NatsServerHandle {
  url: string;
  port: number;
  storeDir: string;
  /** Graceful stop; removes the store dir. */
  stop(): Promise<void>;
  /** SIGKILL, keeping the store, as a crash would. */
  kill(): Promise<void>;
  /** Starts again on the same port and store (after kill). */
  restart(): Promise<void>;
}

const listening = /Listening for client connections on [^\s]+:(\d+)/;

function launch(port: number, storeDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn("nats-server", ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", storeDir], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let log = "";
    const fail = (why: string) => reject(new Error(`nats-server did not start (${why}); is it on PATH? log:\n${log}`));
    child.once("error", (err) => fail(err.message));
    child.once("exit", (code) => fail(`exit ${code}`));
    child.stderr!.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      const match = listening.exec(log);
      if (match && /Server is ready/.test(log)) {
        child.removeAllListeners("exit");
        child.stderr!.removeAllListeners("data");
        child.stderr!.resume();
        resolve({ child, port: Number(match[1]) });
      }
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startNatsServer(): Promise<NatsServerHandle> {
  const storeDir = mkdtempSync(join(tmpdir(), "crisis-nats-"));
  let { child, port } = await launch(-1, storeDir);
  return {
    get url() {
      return `nats://127.0.0.1:${port}`;
    },
    port,
    storeDir,
    async stop() {
      child.kill("SIGTERM");
      await exited(child);
      rmSync(storeDir, { recursive: true, force: true });
    },
    async kill() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async restart() {
      ({ child } = await launch(port, storeDir));
    },
  };
}
