import { ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpush from "web-push";
import { Backbone, childExited, connectBackbone, publishEvent, systemClock, waitUntil } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import {
  BrowserSubscription,
  NatsServerHandle,
  TestPushService,
  TestTls,
  createTestTls,
  freePort,
  startNatsServer,
} from "@crisis/platform/testing";
import { WatchedSubscriptionStore, kvSubscriptionStore } from "../src/adapters/nats/subscription-store";
import { createSubscription } from "../src/app/create-subscription";
import { parseOriginRules } from "../src/domain/push-origins";
import { logger } from "./notify-fixture";
import { shelterOpened } from "./examples";

const subscribers = 160;
/** Requests in flight per notify process. */
const concurrency = 4;
const repoRoot = join(__dirname, "..", "..", "..");

/** One notify process, as main.ts runs it in production (TypeScript through tsx). */
interface NotifyProcess {
  child: ChildProcess;
  /** Pushes this process handed to the push service, by outcome, from its /metrics. */
  delivered(): Promise<number>;
}

describe("two notify processes side by side on one nats-server", () => {
  let server: NatsServerHandle;
  let backbone: Backbone;
  let store: WatchedSubscriptionStore;
  let tls: TestTls;
  let pushService: TestPushService;
  const vapid = webpush.generateVAPIDKeys();
  const logDir = mkdtempSync(join(tmpdir(), "notify-processes-"));
  const processes: NotifyProcess[] = [];

  async function startNotify(name: string): Promise<NotifyProcess> {
    const [grpcPort, healthPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ["--import", "tsx", join("services", "notify", "src", "main.ts")], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NATS_URL: server.url,
        NOTIFY_GRPC_PORT: String(grpcPort),
        NOTIFY_HEALTH_PORT: String(healthPort),
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        PUSH_ALLOWED_ORIGINS: pushService.origin,
        NODE_EXTRA_CA_CERTS: tls.caPath,
        PUSH_CONCURRENCY: String(concurrency),
        PUSH_BATCHES_IN_FLIGHT: "8",
        PUSH_ENCRYPTION_WORKERS: "1",
        NOTIFY_ACK_WAIT_MS: "10000",
        PUBLIC_BASE_URL: "https://city.example",
        LOG_LEVEL: "info",
      },
    });
    const log = createWriteStream(join(logDir, `${name}.log`));
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    const health = `http://127.0.0.1:${healthPort}`;
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logDir}/${name}.log`);
        return (await fetch(`${health}/readyz`).catch(() => undefined))?.ok ?? false;
      },
      `${name} ready`,
      120_000,
      200,
    );
    const notify = {
      child,
      async delivered() {
        const text = await (await fetch(`${health}/metrics`)).text();
        return Number(/^pushes_sent_total{outcome="delivered"} (\d+)$/m.exec(text)?.[1] ?? 0);
      },
    };
    processes.push(notify);
    return notify;
  }

  const declare = (modeEventId: string) => {
    const applied = shelterOpened(modeEventId);
    return publishEvent(backbone.js, eventTypes.playbookApplied, applied, { eventId: applied.eventId, correlationId: modeEventId });
  };
  const alertsOf = (browser: BrowserSubscription) => pushService.messagesFor(browser.id).map((m) => JSON.parse(m.text).alertId);

  beforeAll(async () => {
    server = await startNatsServer();
    backbone = await connectBackbone(server.url, "notify-processes-test", logger);
    tls = createTestTls();
    pushService = new TestPushService({ tls, vapidPublicKey: vapid.publicKey });
    await pushService.start();
    store = await kvSubscriptionStore(backbone.js, 1, logger);
  });
  afterAll(async () => {
    for (const { child } of processes) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await childExited(child);
      }
    }
    store.stop();
    await backbone.nc.close();
    await server.stop();
    await pushService.stop();
  });

  it("delivers each alert to each subscriber exactly once, and still does when one process is killed mid-delivery", async () => {
    const browsers: BrowserSubscription[] = [];
    for (let i = 0; i < subscribers; i++) {
      const browser = pushService.subscribe();
      const { endpoint, keys } = browser.json;
      await createSubscription(
        { store, origins: parseOriginRules(pushService.origin), clock: systemClock },
        { endpoint, p256dh: keys.p256dh, auth: keys.auth, topics: ["category:shelter"], lang: i % 2 ? "en" : "ja" },
      );
      browsers.push(browser);
    }
    /**
     * Each subscriber holds each alert once. A push sent again (the killed process had sent it but
     * not yet written it down as settled, or a stalled process lost its batch after the ack wait)
     * carries the same Topic and replaces the first on the device.
     */
    const expectOncePerDevice = (alertIds: string[]) => {
      expect(browsers.map(alertsOf).filter((ids) => ids.sort().join() !== alertIds.join())).toEqual([]);
      expect(pushService.accepted - alertIds.length * subscribers).toBe(pushService.replaced);
      expect(pushService.rejections).toEqual([]);
    };
    const [a, b] = [await startNotify("notify-a"), await startNotify("notify-b")];

    // Both running: one alert, one push per subscriber, and the two processes together sent each once.
    await declare("m1");
    await waitUntil(() => browsers.every((x) => alertsOf(x).length === 1), "every subscriber has the first alert", 90_000);
    await waitUntil(async () => (await a.delivered()) + (await b.delivered()) === pushService.accepted, "both processes counted", 30_000);
    expectOncePerDevice(["m1.alert"]);
    // Both took part: the queue hands batches to every instance, so a second one adds capacity.
    expect(await a.delivered()).toBeGreaterThan(0);
    expect(await b.delivered()).toBeGreaterThan(0);

    // The second alert while only A works: B is stopped, and the push service stops answering
    // once A has a full set of requests waiting on it. A is killed there, mid-delivery, and B
    // starts again: it gets A's batches once their ack wait has passed.
    b.child.kill("SIGTERM");
    await childExited(b.child);
    const acceptedBeforeKill = pushService.accepted + 40;
    pushService.onAccepted = (_push, accepted) => {
      if (accepted === acceptedBeforeKill) pushService.hold();
    };
    await declare("m2");
    await waitUntil(() => pushService.held === concurrency, "A waiting on the push service", 90_000);
    a.child.kill("SIGKILL");
    await childExited(a.child);
    await waitUntil(() => pushService.held === 0, "the killed process's requests dropped");
    pushService.release();
    const b2 = await startNotify("notify-b2");

    await waitUntil(() => browsers.every((x) => alertsOf(x).length === 2), "every subscriber has the second alert", 90_000);
    expectOncePerDevice(["m1.alert", "m2.alert"]);
    // All of the second alert after the kill came from B, the other process.
    expect(await b2.delivered()).toBe(pushService.accepted - acceptedBeforeKill);
  }, 300_000);
});
