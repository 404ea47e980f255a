import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StorageType, connect } from "nats";
import { NatsServerProcess, launchNatsNode } from "../nats-server";
import { waitUntil } from "../processes";
import { freePort } from "./ports";

/** Three real nats-server nodes forming a JetStream cluster, each with its own store, on free ports. */
export interface NatsClusterHandle {
  urls: string[];
  /** SIGKILL one node (0–2), keeping its store. */
  kill(node: number): Promise<void>;
  /** Start a killed node again with the same ports and store. */
  restart(node: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the cluster from a node config file that reads NATS_SERVER_NAME, NATS_LISTEN,
 * NATS_STORE_DIR, NATS_CLUSTER_LISTEN and NATS_ROUTE_A..C from the environment, then waits
 * until JetStream has elected its metadata leader and can place a stream on all three nodes.
 */
export async function startNatsCluster(configPath: string): Promise<NatsClusterHandle> {
  const root = mkdtempSync(join(tmpdir(), "crisis-nats-cluster-"));
  const clientPorts = await Promise.all([0, 1, 2].map(() => freePort()));
  const routePorts = await Promise.all([0, 1, 2].map(() => freePort()));
  const routes = routePorts.map((p) => `nats-route://127.0.0.1:${p}`);
  const envFor = (i: number) => ({
    NATS_SERVER_NAME: `node-${i}`,
    NATS_LISTEN: `127.0.0.1:${clientPorts[i]}`,
    NATS_STORE_DIR: join(root, `node-${i}`),
    NATS_CLUSTER_LISTEN: `127.0.0.1:${routePorts[i]}`,
    NATS_ROUTE_A: routes[0],
    NATS_ROUTE_B: routes[1],
    NATS_ROUTE_C: routes[2],
  });
  const nodes: (NatsServerProcess | undefined)[] = await Promise.all([0, 1, 2].map((i) => launchNatsNode(configPath, envFor(i))));
  const urls = clientPorts.map((p) => `nats://127.0.0.1:${p}`);
  await waitForJetStream(urls);
  await waitForPlacement(urls);
  const kill = async (i: number) => {
    nodes[i]?.child.kill("SIGKILL");
    await nodes[i]?.exited();
    nodes[i] = undefined;
  };
  return {
    urls,
    kill,
    async restart(i) {
      nodes[i] = await launchNatsNode(configPath, envFor(i));
      await waitForJetStream(urls);
    },
    async stop() {
      await Promise.all(
        nodes.map(async (n) => {
          n?.child.kill("SIGTERM");
          await n?.exited();
        }),
      );
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** JetStream answers account info only once the cluster has a metadata leader. */
async function waitForJetStream(urls: string[]): Promise<void> {
  const nc = await connect({ servers: urls });
  try {
    await waitUntil(
      () =>
        nc
          .jetstreamManager()
          .then((jsm) => jsm.getAccountInfo())
          .then(
            () => true,
            () => false,
          ),
      "JetStream metadata leader elected",
      30_000,
      100,
    );
  } finally {
    await nc.close();
  }
}

/**
 * Two nodes are a quorum and elect a metadata leader before the third has joined; an R3 stream
 * created then fails "no suitable peers for placement". Placing (and removing) a small R3 stream
 * is the one check that all three are in.
 */
async function waitForPlacement(urls: string[]): Promise<void> {
  const nc = await connect({ servers: urls });
  try {
    const jsm = await nc.jetstreamManager();
    await waitUntil(
      () =>
        jsm.streams
          .add({ name: "cluster_placement_probe", subjects: ["cluster.placement.probe"], num_replicas: 3, storage: StorageType.Memory })
          .then(
            () => true,
            () => false,
          ),
      "all three nodes can hold a replica",
      30_000,
      100,
    );
    await jsm.streams.delete("cluster_placement_probe");
  } finally {
    await nc.close();
  }
}
