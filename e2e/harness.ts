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
import { privateKeyFrom, signToken, Role } from "../services/gateway/src/adapters/auth/tokens";
import { InstallationKeys, createKeys } from "../deploy/embedded/keys";
import { RunningSystem, SystemPorts, repoRoot, startSystem } from "../deploy/embedded/system";
import { rotateSigningKey } from "../deploy/embedded/identity-provider-keys";

/**
 * The whole system as the embedded run starts it (four processes, a real nats-server) plus a
 * local push service that decrypts and checks VAPID, trusted through NODE_EXTRA_CA_CERTS.
 */
export interface Harness {
  base: string;
  system: RunningSystem;
  /** Present when the harness runs on the production cluster config (three nodes, R3 streams). */
  cluster?: NatsClusterHandle;
  /** With `instances: 2`: the second instance of every service, and its gateway's base URL. */
  second?: { system: RunningSystem; base: string };
  nc: NatsConnection;
  pushService: TestPushService;
  keys: InstallationKeys;
  tls: TestTls;
  /** The dev identity provider the pages sign in at, with the password of its seeded accounts. */
  signIn: {
    issuer: string;
    password: string;
    /** A new signing key at the provider, loaded by the running provider; resolves once it publishes it. */
    rotateKey(): Promise<string>;
  };
  /** A token for the role; `sub` names the caller (a staff token's subject is the staff id). */
  token(role: Role, sub?: string): Promise<string>;
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  /** Waits until every queued push was sent and acknowledged. */
  deliveriesSettled(): Promise<boolean>;
  stop(): Promise<void>;
}

async function ports(): Promise<SystemPorts> {
  const [gateway, facilitiesGrpc, staffingGrpc, notifyGrpc, facilitiesHealth, staffingHealth, notifyHealth, identityProvider] =
    await Promise.all(Array.from({ length: 8 }, freePort));
  return { gateway, facilitiesGrpc, staffingGrpc, notifyGrpc, facilitiesHealth, staffingHealth, notifyHealth, identityProvider };
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Push service answer delay, to make a fan-out last long enough to interrupt. */
  answerDelayMs?: number;
  /** Run on a three-node cluster started from deploy/production/nats/nats.conf, streams at R3. */
  cluster?: boolean;
  /** Two instances of every service; each gateway calls every instance of the back-end services. */
  instances?: 1 | 2;
  /** A nats-server the test runs itself (a site of its own); the harness neither starts nor stops it. */
  natsUrl?: string;
  /** The keys, push service and TLS of an earlier harness: the same city's installation, started again elsewhere. */
  installation?: Pick<Harness, "keys" | "pushService" | "tls">;
}

async function startNats(cluster: boolean, natsUrl?: string) {
  if (natsUrl) return { url: natsUrl, replicas: "1", cluster: undefined, stop: async () => undefined };
  if (cluster) {
    const handle = await startNatsCluster(join(repoRoot, "deploy", "production", "nats", "nats.conf"));
    return { url: handle.urls.join(","), replicas: "3", cluster: handle, stop: () => handle.stop() };
  }
  const single = await startNatsServer();
  return { url: single.url, replicas: "1", cluster: undefined, stop: () => single.stop() };
}

/** Every gateway's gRPC targets: all the instances of each back-end service. */
const targets = (all: SystemPorts[]) => ({
  FACILITIES_GRPC: all.map((p) => `127.0.0.1:${p.facilitiesGrpc}`).join(","),
  STAFFING_GRPC: all.map((p) => `127.0.0.1:${p.staffingGrpc}`).join(","),
  NOTIFY_GRPC: all.map((p) => `127.0.0.1:${p.notifyGrpc}`).join(","),
});

export async function startHarness({
  env = {},
  answerDelayMs = 0,
  cluster = false,
  instances = 1,
  natsUrl,
  installation,
}: HarnessOptions = {}): Promise<Harness> {
  const tls = installation?.tls ?? createTestTls();
  const keys = installation?.keys ?? createKeys();
  const pushService = installation?.pushService ?? new TestPushService({ tls, vapidPublicKey: keys.vapid.publicKey, answerDelayMs });
  // A push service handed over keeps running: its owner stops it.
  const ownPushService = !installation;
  if (ownPushService) await pushService.start();
  const nats = await startNats(cluster, natsUrl);
  const systemPorts = await ports();
  const secondPorts = instances === 2 ? await ports() : undefined;
  const base = `http://127.0.0.1:${systemPorts.gateway}`;
  const logDir = mkdtempSync(join(tmpdir(), "crisis-e2e-logs-"));
  const options = {
    natsUrl: nats.url,
    keys,
    logDir,
    identityDir: join(logDir, "identity-provider"),
    publicBaseUrl: base,
    env: {
      PUSH_ALLOWED_ORIGINS: pushService.origin,
      NODE_EXTRA_CA_CERTS: tls.caPath,
      LOG_LEVEL: "info",
      NATS_STREAM_REPLICAS: nats.replicas,
      ...(secondPorts && targets([systemPorts, secondPorts])),
      ...env,
    },
  };
  const started: RunningSystem[] = [];
  const second = async (p: SystemPorts) => {
    const running = await startSystem({
      ...options,
      ports: p,
      logDir: join(options.logDir, "second"),
      identityDir: join(options.logDir, "second", "identity-provider"),
    });
    started.push(running);
    return { system: running, base: `http://127.0.0.1:${p.gateway}` };
  };
  const system = await startSystem({ ...options, ports: systemPorts })
    .then(async (running) => {
      started.push(running);
      return { running, second: secondPorts && (await second(secondPorts)) };
    })
    .catch(async (err) => {
      await Promise.all(started.map((s) => s.stop()));
      await nats.stop();
      if (ownPushService) await pushService.stop();
      throw err;
    });
  const nc = await connect({ servers: nats.url.split(",") });
  const jsm = await nc.jetstreamManager();
  return {
    base,
    system: system.running,
    second: system.second,
    cluster: nats.cluster,
    nc,
    pushService,
    keys,
    tls,
    signIn: {
      issuer: system.running.identityProvider.issuer,
      password: keys.signIn.password,
      async rotateKey() {
        const { issuer, dir } = system.running.identityProvider;
        const { kid } = rotateSigningKey(dir);
        system.running.signal("identity-provider", "SIGHUP");
        await waitUntil(
          async () => ((await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] }).keys[0]?.kid === kid,
          "the provider publishing its new key",
        );
        return kid;
      },
    },
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
      const pushes = await jsm.consumers.info(streams.pushDelivery.name, "notify-push-sender").catch(() => undefined);
      if (!alerts || !pushes) return false;
      return alerts.num_pending + alerts.num_ack_pending + pushes.num_pending + pushes.num_ack_pending === 0;
    },
    async stop() {
      await nc.close();
      await Promise.all(started.map((s) => s.stop()));
      await nats.stop();
      if (ownPushService) await pushService.stop();
    },
  };
}

/** Waits for an outcome (a push arrives, a queue drains), never for time to pass. */
export const eventually = waitUntil;
