import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NatsConnection, connect } from "nats";
import {
  NatsClusterHandle,
  TestPushService,
  TestTls,
  createTestTls,
  freePort,
  startNatsCluster,
  startNatsServer,
} from "@crisis/platform/testing";
import { streams, waitUntil } from "@crisis/platform";
import { pushDeliveryStream } from "../services/notify/src/adapters/nats/push-queue";
import { privateKeyFrom, signToken, Role } from "../services/gateway/src/adapters/auth/tokens";
import { InstallationKeys, createKeys } from "../deploy/embedded/keys";
import { RunningSystem, SystemPorts, repoRoot, startSystem } from "../deploy/embedded/system";

/**
 * The whole system as the embedded run starts it (four processes, a real nats-server) plus a
 * local push service that decrypts and checks VAPID, trusted through NODE_EXTRA_CA_CERTS.
 */
export interface Harness {
  base: string;
  system: RunningSystem;
  /** Present when the harness runs on the production cluster config (three nodes, R3 streams). */
  cluster?: NatsClusterHandle;
  nc: NatsConnection;
  pushService: TestPushService;
  keys: InstallationKeys;
  tls: TestTls;
  /** A token for the role; `sub` names the caller (a staff token's subject is the staff id). */
  token(role: Role, sub?: string): Promise<string>;
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Waits until every queued push was sent and acknowledged. */
  deliveriesSettled(): Promise<boolean>;
  stop(): Promise<void>;
}

async function ports(): Promise<SystemPorts> {
  const [gateway, facilitiesGrpc, staffingGrpc, notifyGrpc, facilitiesHealth, staffingHealth, notifyHealth] = await Promise.all(
    Array.from({ length: 7 }, freePort),
  );
  return { gateway, facilitiesGrpc, staffingGrpc, notifyGrpc, facilitiesHealth, staffingHealth, notifyHealth };
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Push service answer delay, to make a fan-out last long enough to interrupt. */
  answerDelayMs?: number;
  /** Run on a three-node cluster started from deploy/production/nats/nats.conf, streams at R3. */
  cluster?: boolean;
}

async function startNats(cluster: boolean) {
  if (cluster) {
    const handle = await startNatsCluster(join(repoRoot, "deploy", "production", "nats", "nats.conf"));
    return { url: handle.urls.join(","), replicas: "3", cluster: handle, stop: () => handle.stop() };
  }
  const single = await startNatsServer();
  return { url: single.url, replicas: "1", cluster: undefined, stop: () => single.stop() };
}

export async function startHarness({ env = {}, answerDelayMs = 0, cluster = false }: HarnessOptions = {}): Promise<Harness> {
  const tls = createTestTls();
  const keys = createKeys();
  const pushService = new TestPushService({ tls, vapidPublicKey: keys.vapid.publicKey, answerDelayMs });
  await pushService.start();
  const nats = await startNats(cluster);
  const systemPorts = await ports();
  const base = `http://127.0.0.1:${systemPorts.gateway}`;
  const system = await startSystem({
    natsUrl: nats.url,
    keys,
    ports: systemPorts,
    logDir: mkdtempSync(join(tmpdir(), "crisis-e2e-logs-")),
    publicBaseUrl: base,
    env: {
      PUSH_ALLOWED_ORIGINS: pushService.origin,
      NODE_EXTRA_CA_CERTS: tls.caPath,
      LOG_LEVEL: "info",
      NATS_STREAM_REPLICAS: nats.replicas,
      ...env,
    },
  }).catch(async (err) => {
    await nats.stop();
    await pushService.stop();
    throw err;
  });
  const nc = await connect({ servers: nats.url.split(",") });
  const jsm = await nc.jetstreamManager();
  return {
    base,
    system,
    cluster: nats.cluster,
    nc,
    pushService,
    keys,
    tls,
    token: (role, sub = `${role}@e2e`) => signToken(privateKeyFrom(keys.token.x, keys.token.d), sub, [role], 3600, new Date()),
    async api(method, path, body, headers = {}) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async deliveriesSettled() {
      const alerts = await jsm.consumers.info(streams.facility.name, "notify-alerts").catch(() => undefined);
      const pushes = await jsm.consumers.info(pushDeliveryStream.name, "notify-push-sender").catch(() => undefined);
      if (!alerts || !pushes) return false;
      return alerts.num_pending + alerts.num_ack_pending + pushes.num_pending + pushes.num_ack_pending === 0;
    },
    async stop() {
      await nc.close();
      await system.stop();
      await nats.stop();
      await pushService.stop();
    },
  };
}

/** Waits for an outcome (a push arrives, a queue drains), never for time to pass. */
export const eventually = waitUntil;
