import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NatsServerProcess, launchNatsNode } from "@crisis/platform";
import { freePort } from "@crisis/platform/testing";
import { repoRoot } from "../../deploy/embedded/system";

const configs = join(repoRoot, "deploy", "production", "nats", "sites");

/** The city hall's site and the standby site, each one nats-server from the production files, joined by a leafnode. */
export interface Sites {
  primary?: NatsServerProcess;
  primaryUrl: string;
  standby: NatsServerProcess;
  standbyUrl: string;
  /** The primary's server room is lost: SIGKILL, nothing flushed. */
  losePrimary(): Promise<void>;
  stop(): Promise<void>;
}

export async function launchSites(): Promise<Sites> {
  const root = mkdtempSync(join(tmpdir(), "crisis-sites-"));
  const [primaryPort, leafPort, standbyPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const primary = await launchNatsNode(join(configs, "primary.conf"), {
    NATS_SERVER_NAME: "city-hall",
    NATS_LISTEN: `127.0.0.1:${primaryPort}`,
    NATS_STORE_DIR: join(root, "primary"),
    NATS_LEAF_LISTEN: `127.0.0.1:${leafPort}`,
  });
  const standby = await launchNatsNode(join(configs, "standby.conf"), {
    NATS_SERVER_NAME: "standby-dc",
    NATS_LISTEN: `127.0.0.1:${standbyPort}`,
    NATS_STORE_DIR: join(root, "standby"),
    NATS_PRIMARY_LEAF: `nats-leaf://127.0.0.1:${leafPort}`,
  });
  const sites: Sites = {
    primary,
    primaryUrl: `nats://127.0.0.1:${primaryPort}`,
    standby,
    standbyUrl: `nats://127.0.0.1:${standbyPort}`,
    async losePrimary() {
      const lost = sites.primary;
      sites.primary = undefined;
      lost?.child.kill("SIGKILL");
      await lost?.exited();
    },
    async stop() {
      for (const server of [sites.primary, standby]) {
        server?.child.kill("SIGTERM");
        await server?.exited();
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  return sites;
}
