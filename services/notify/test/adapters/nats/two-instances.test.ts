import pino from "pino";
import webpush from "web-push";
import {
  FakeClock,
  RunningConsumer,
  connectBackbone,
  ensureStreams,
  publishEvent,
  streams,
  systemClock,
  waitUntil,
} from "@crisis/platform";
import { FacilityStatus, Incident, ModeLevel, eventTypes } from "@crisis/platform/contracts";
import { FacilityStatusChanged, PlaybookApplied } from "@crisis/platform/contracts/events";
import { BrowserSubscription, NatsServerHandle, TestPushService, TestTls, createTestTls, startNatsServer } from "@crisis/platform/testing";
import { consumeAppliedPlaybooks, consumePushBatches } from "../../../src/adapters/nats/consumers";
import { jetStreamAlertEvents, jetStreamDeliveryQueue } from "../../../src/adapters/nats/notify-events";
import { pushDeliveryStream } from "../../../src/adapters/nats/push-queue";
import { kvBatchProgress } from "../../../src/adapters/nats/batch-progress";
import { kvDeliveryReports } from "../../../src/adapters/nats/delivery-reports";
import { WatchedSubscriptionStore, kvSubscriptionStore } from "../../../src/adapters/nats/subscription-store";
import { inlineEncryptor } from "../../../src/adapters/webpush/encryption-pool";
import { poolingPushSender } from "../../../src/adapters/webpush/push-sender";
import { vapidAuthorizer } from "../../../src/adapters/webpush/vapid";
import { createSubscription } from "../../../src/app/create-subscription";
import { parseOriginRules } from "../../../src/domain/push-origins";

const logger = pino({ level: "silent" });
const subscribers = 120;

describe("two notify instances side by side on one nats-server", () => {
  let server: NatsServerHandle;
  let tls: TestTls;
  let pushService: TestPushService;
  const vapid = webpush.generateVAPIDKeys();
  const clock = new FakeClock("2026-07-28T07:30:00Z");
  const stops: (() => Promise<void>)[] = [];

  /** One notify instance: its own connection, subscription index, connection pools and consumers. */
  async function instance(name: string) {
    const backbone = await connectBackbone(server.url, name, logger);
    await ensureStreams(backbone.jsm, [streams.facility, streams.alert, pushDeliveryStream]);
    const store: WatchedSubscriptionStore = await kvSubscriptionStore(backbone.js, 1, logger);
    const reports = await kvDeliveryReports(backbone.js, 1);
    const pool = poolingPushSender({
      encryptor: inlineEncryptor,
      authorization: vapidAuthorizer({ subject: "mailto:test@city.example", ...vapid }, systemClock),
      concurrencyPerOrigin: 4,
      timeoutMs: 5_000,
      ca: [tls.ca],
    });
    let sent = 0;
    const sender = { send: (...args: Parameters<typeof pool.send>) => (sent++, pool.send(...args)) };
    const consumers: RunningConsumer[] = [
      await consumePushBatches(
        backbone,
        { store, sender, reports, progress: await kvBatchProgress(backbone.js, 1), clock, sleep: async () => undefined },
        { batches: 2, ackWaitMs: 5_000 },
        logger,
      ),
      await consumeAppliedPlaybooks(
        backbone,
        {
          store,
          queue: jetStreamDeliveryQueue(backbone.js),
          reports,
          events: jetStreamAlertEvents(backbone.js),
          clock,
          statusUrl: "https://city.example/status",
          ttlSeconds: 600,
        },
        5_000,
        logger,
      ),
    ];
    stops.push(async () => {
      for (const c of consumers) await c.stop();
      store.stop();
      await pool.close();
      await backbone.nc.close();
    });
    return { store, backbone, sent: () => sent };
  }

  beforeAll(async () => {
    server = await startNatsServer();
    tls = createTestTls();
    pushService = new TestPushService({ tls, vapidPublicKey: vapid.publicKey });
    await pushService.start();
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await server.stop();
    await pushService.stop();
  });

  it("gives each subscriber each message exactly once, whichever instance issued the alert and sent the pushes", async () => {
    const a = await instance("notify-a");
    const b = await instance("notify-b");
    const origins = parseOriginRules(pushService.origin);
    const browsers: BrowserSubscription[] = [];
    for (let i = 0; i < subscribers; i++) {
      const browser = pushService.subscribe();
      const { endpoint, keys } = browser.json;
      // Half subscribe through each instance, as a load balancer would spread them.
      await createSubscription(
        { store: i % 2 ? a.store : b.store, origins, clock },
        { endpoint, p256dh: keys.p256dh, auth: keys.auth, topics: ["category:shelter"], lang: i % 2 ? "en" : "ja" },
      );
      browsers.push(browser);
    }
    await waitUntil(
      () => [a, b].every((x) => [...x.store.followers("category:shelter")].length === subscribers),
      "both indexes hold every subscription",
    );

    const declarations = ["m1", "m2"];
    for (const modeEventId of declarations) {
      const applied = PlaybookApplied.fromPartial({
        eventId: `${modeEventId}.applied`,
        modeEventId,
        mode: { incident: Incident.INCIDENT_EARTHQUAKE, level: ModeLevel.MODE_LEVEL_EMERGENCY, wards: [] },
        changes: [
          FacilityStatusChanged.fromPartial({
            facilityId: `s-${modeEventId}`,
            facilityName: "熊本市立白川小学校",
            category: "school",
            ward: "中央区",
            previousStatus: FacilityStatus.FACILITY_STATUS_NORMAL,
            status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
          }),
        ],
      });
      // Published twice, as a facilities instance retrying after a crash would: JetStream keeps one.
      for (let i = 0; i < 2; i++) {
        await publishEvent(a.backbone.js, eventTypes.playbookApplied, applied, { eventId: applied.eventId, correlationId: modeEventId });
      }
    }

    await waitUntil(() => browsers.every((x) => pushService.messagesFor(x.id).length === 2), "every subscriber has both messages", 60_000);
    const alertsPerSubscriber = browsers.map((x) =>
      pushService
        .messagesFor(x.id)
        .map((m) => JSON.parse(m.text).alertId)
        .sort(),
    );
    expect(alertsPerSubscriber.filter((ids) => ids.join() !== "m1.alert,m2.alert")).toEqual([]);
    // No replacement either: each message reached the push service exactly once.
    expect(pushService.accepted).toBe(subscribers * 2);
    expect(pushService.replaced).toBe(0);
    expect(a.sent() + b.sent()).toBe(subscribers * 2);
  });
});
