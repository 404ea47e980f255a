import pino from "pino";
import webpush from "web-push";
import {
  Backbone,
  FakeClock,
  RunningConsumer,
  StreamSpec,
  connectBackbone,
  ensureStreams,
  jetStreamPublisher,
  streams,
  systemClock,
} from "@crisis/platform";
import { BrowserSubscription, NatsServerHandle, TestPushService, TestTls, createTestTls, startNatsServer } from "@crisis/platform/testing";
import { consumeAppliedPlaybooks, consumePushBatches } from "../src/adapters/nats/consumers";
import { kvBatchProgress } from "../src/adapters/nats/batch-progress";
import { kvDeliveryReports } from "../src/adapters/nats/delivery-reports";
import { jetStreamDeliveryQueue } from "../src/adapters/nats/notify-events";
import { WatchedSubscriptionStore, kvSubscriptionStore } from "../src/adapters/nats/subscription-store";
import { inlineEncryptor } from "../src/adapters/webpush/encryption-pool";
import { PoolingPushSender, poolingPushSender } from "../src/adapters/webpush/push-sender";
import { vapidAuthorizer } from "../src/adapters/webpush/vapid";
import { DeliveryQueue, DeliveryReports } from "../src/app/ports";
import { createSubscription } from "../src/app/create-subscription";
import { parseOriginRules } from "../src/domain/push-origins";

export const logger = pino({ level: "silent" });

/** One notify instance as main.ts wires it, minus the consumers a test adds itself. */
export interface NotifyInstance {
  backbone: Backbone;
  store: WatchedSubscriptionStore;
  reports: DeliveryReports;
  queue: DeliveryQueue;
  sender: PoolingPushSender;
  /** Pushes this instance handed to the push service (retries included). */
  sent(): number;
  /** Stops the consumer when the fixture stops. */
  run(consumer: RunningConsumer | RunningConsumer[]): void;
  /** Also issues an alert per applied playbook, opening https://city.example/status. */
  issueAlerts(): Promise<void>;
}

export interface NotifyFixture extends NotifyInstance {
  server: NatsServerHandle;
  tls: TestTls;
  pushService: TestPushService;
  clock: FakeClock;
  /** Another instance on the same nats-server and push service (its own connection, index and pools). */
  instance(name: string): Promise<NotifyInstance>;
  /** A browser subscribing through this fixture's first instance. */
  subscribe(topics: string[], lang: string, store?: WatchedSubscriptionStore): Promise<BrowserSubscription>;
  stop(): Promise<void>;
}

export interface FixtureOptions {
  /** Requests in flight per push service. */
  concurrency?: number;
  /** Queued batches worked at once per instance. */
  batches?: number;
}

/**
 * The set-up of notify's adapter tests: a real nats-server, a push service that checks VAPID and
 * decrypts, and an instance whose push fan-out is running (so a queued alert reaches the browsers).
 */
export async function startNotifyFixture({ concurrency = 8, batches = 4 }: FixtureOptions = {}): Promise<NotifyFixture> {
  const server = await startNatsServer();
  const tls = createTestTls();
  const vapid = webpush.generateVAPIDKeys();
  const pushService = new TestPushService({ tls, vapidPublicKey: vapid.publicKey });
  await pushService.start();
  const clock = new FakeClock("2026-07-28T07:30:00Z");
  const stops: (() => Promise<unknown> | void)[] = [];
  const allStreams: StreamSpec[] = [streams.facility, streams.service, streams.staff, streams.counter, streams.alert, streams.pushDelivery];

  const instance = async (name: string): Promise<NotifyInstance> => {
    const backbone = await connectBackbone(server.url, name, logger);
    await ensureStreams(backbone.jsm, allStreams);
    const store = await kvSubscriptionStore(backbone.js, 1, logger);
    const reports = await kvDeliveryReports(backbone.js, 1);
    const pool = poolingPushSender({
      encryptor: inlineEncryptor,
      authorization: vapidAuthorizer({ subject: "mailto:test@city.example", ...vapid }, systemClock),
      concurrencyPerOrigin: concurrency,
      timeoutMs: 5_000,
      ca: [tls.ca],
    });
    let sent = 0;
    const sender: PoolingPushSender = { send: (...args) => (sent++, pool.send(...args)), close: () => pool.close() };
    const consumers: RunningConsumer[] = [
      await consumePushBatches(
        backbone,
        { store, sender, reports, progress: await kvBatchProgress(backbone.js, 1), clock, sleep: async () => undefined },
        { batches, ackWaitMs: 5_000 },
        logger,
      ),
    ];
    // Stopped in reverse: the consumers a test added first, then the fan-out, the index, the pools.
    stops.unshift(async () => {
      for (const consumer of consumers.reverse()) await consumer.stop();
      store.stop();
      await sender.close();
      await backbone.nc.close();
    });
    const queue = jetStreamDeliveryQueue(backbone.js);
    return {
      backbone,
      store,
      reports,
      queue,
      sender,
      sent: () => sent,
      run: (consumer) => void consumers.push(...[consumer].flat()),
      async issueAlerts() {
        const events = jetStreamPublisher(backbone.js);
        const deps = { store, queue, reports, events, clock, statusUrl: "https://city.example/status", ttlSeconds: 600 };
        consumers.push(await consumeAppliedPlaybooks(backbone, deps, 5_000, logger));
      },
    };
  };

  const first = await instance("notify-test");
  return {
    ...first,
    server,
    tls,
    pushService,
    clock,
    instance,
    async subscribe(topics, lang, store = first.store) {
      const browser = pushService.subscribe();
      const { keys, endpoint } = browser.json;
      await createSubscription(
        { store, origins: parseOriginRules(pushService.origin), clock },
        { endpoint, p256dh: keys.p256dh, auth: keys.auth, topics, lang },
      );
      return browser;
    },
    async stop() {
      for (const stop of stops) await stop();
      await server.stop();
      await pushService.stop();
    },
  };
}
