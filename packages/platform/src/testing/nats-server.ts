import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NatsServerProcess, launchNatsServer } from "../nats-server";

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

export async function startNatsServer(): Promise<NatsServerHandle> {
  const storeDir = mkdtempSync(join(tmpdir(), "crisis-nats-"));
  let server: NatsServerProcess = await launchNatsServer(-1, storeDir);
  const port = server.port;
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    async stop() {
      server.child.kill("SIGTERM");
      await server.exited();
      rmSync(storeDir, { recursive: true, force: true });
    },
    async kill() {
      server.child.kill("SIGKILL");
      await server.exited();
    },
    async restart() {
      server = await launchNatsServer(port, storeDir);
    },
  };
}
