import pino from "pino";
import webpush from "web-push";
import { Backbone, FakeClock, connectBackbone, ensureStreams, publishEvent, streams, systemClock, waitUntil } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { CrowdingChanged, CrowdingLevel } from "@crisis/platform/contracts/crowding";
import { NatsServerHandle, TestPushService, TestTls, createTestTls, startNatsServer } from "@crisis/platform/testing";
import { consumePushBatches } from "../../../src/adapters/nats/consumers";
import { consumeCrowdingChanges, kvFullAlertLog } from "../../../src/adapters/nats/full-shelter-alerts";
import { kvBatchProgress } from "../../../src/adapters/nats/batch-progress";
import { kvDeliveryReports } from "../../../src/adapters/nats/delivery-reports";
import { jetStreamDeliveryQueue } from "../../../src/adapters/nats/notify-events";
import { kvSubscriptionStore } from "../../../src/adapters/nats/subscription-store";
import { inlineEncryptor } from "../../../src/adapters/webpush/encryption-pool";
import { poolingPushSender } from "../../../src/adapters/webpush/push-sender";
import { vapidAuthorizer } from "../../../src/adapters/webpush/vapid";
import { FullShelterDeps } from "../../../src/app/announce-full-shelter";
import { createSubscription } from "../../../src/app/create-subscription";
import { parseOriginRules } from "../../../src/domain/push-origins";

const logger = pino({ level: "silent" });
const { CROWDING_LEVEL_BUSY: busy, CROWDING_LEVEL_CROWDED: crowded, CROWDING_LEVEL_FULL: full } = CrowdingLevel;

describe("alerts when a shelter becomes full, on a real nats-server", () => {
  let server: NatsServerHandle;
  let backbone: Backbone;
  let tls: TestTls;
  let pushService: TestPushService;
  const stops: (() => Promise<unknown> | void)[] = [];
  const vapid = webpush.generateVAPIDKeys();
  const clock = new FakeClock("2026-07-29T01:00:00Z");
  let deps: FullShelterDeps;
  let n = 0;

  const change = (previousLevel: CrowdingLevel, level: CrowdingLevel) =>
    CrowdingChanged.fromPartial({
      eventId: `report-${++n}.crowding`,
      facilityId: "ref:E4310000014111",
      facilityName: "五福小学校",
      ward: "中央区",
      previousLevel,
      level,
      headcount: 300,
      capacity: 300,
      nearestWithRoom: [
        { facilityId: "ref:E2", facilityName: "慶徳小学校", ward: "中央区", distanceM: 640, level: busy, room: 120 },
        { facilityId: "ref:E3", facilityName: "城東小学校", ward: "中央区", distanceM: 1_520, level: busy, room: 80 },
      ],
    });
  const publish = (c: CrowdingChanged) =>
    publishEvent(backbone.js, eventTypes.crowdingChanged, c, { eventId: c.eventId, correlationId: "t" });
  const subscribe = async (topics: string[], lang: "ja" | "en") => {
    const browser = pushService.subscribe();
    const { endpoint, keys } = browser.json;
    await createSubscription(
      { store: deps.store, origins: parseOriginRules(pushService.origin), clock },
      { endpoint, p256dh: keys.p256dh, auth: keys.auth, topics, lang },
    );
    return browser.id;
  };
  /** Every crowding change published so far has been handled (acknowledged by the consumer). */
  const settled = () =>
    waitUntil(async () => {
      const info = await backbone.jsm.consumers.info(streams.shelter.name, "notify-full-shelters");
      return info.num_pending === 0 && info.num_ack_pending === 0;
    }, "crowding changes handled");
  const pushesTo = (id: string) => pushService.messagesFor(id).map((m) => JSON.parse(m.text));

  beforeAll(async () => {
    server = await startNatsServer();
    backbone = await connectBackbone(server.url, "notify-test", logger);
    await ensureStreams(backbone.jsm, [streams.shelter, streams.pushDelivery]);
    tls = createTestTls();
    pushService = new TestPushService({ tls, vapidPublicKey: vapid.publicKey });
    await pushService.start();
    const store = await kvSubscriptionStore(backbone.js, 1, logger);
    const reports = await kvDeliveryReports(backbone.js, 1);
    const sender = poolingPushSender({
      encryptor: inlineEncryptor,
      authorization: vapidAuthorizer({ subject: "mailto:test@city.example", ...vapid }, systemClock),
      concurrencyPerOrigin: 4,
      timeoutMs: 5_000,
      ca: [tls.ca],
    });
    deps = {
      store,
      queue: jetStreamDeliveryQueue(backbone.js),
      reports,
      log: await kvFullAlertLog(backbone.js, 1),
      clock,
      minIntervalMs: 3_600_000,
      baseUrl: "https://city.example",
      ttlSeconds: 3_600,
    };
    const batches = await consumePushBatches(
      backbone,
      { store, sender, reports, progress: await kvBatchProgress(backbone.js, 1), clock, sleep: async () => undefined },
      { batches: 2, ackWaitMs: 5_000 },
      logger,
    );
    const consumer = await consumeCrowdingChanges(backbone, deps, 5_000, logger);
    stops.push(
      () => batches.stop(),
      () => consumer.stop(),
      () => store.stop(),
      () => sender.close(),
    );
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await backbone.nc.close();
    await server.stop();
    await pushService.stop();
  });

  it("tells the shelter's and its ward's followers once, naming the nearest shelters with room, and nobody else", async () => {
    const ward = await subscribe(["ward:中央区"], "ja");
    const own = await subscribe(["facility:ref:E4310000014111"], "en");
    const elsewhere = await subscribe(["ward:北区"], "ja");
    await publish(change(busy, crowded));
    await publish(change(crowded, full));
    await waitUntil(() => pushesTo(ward).length === 1 && pushesTo(own).length === 1, "both followers told");
    expect(pushesTo(ward)[0]).toMatchObject({
      title: "五福小学校は満です",
      body: expect.stringContaining("慶徳小学校（640 m、残り120人分） https://city.example/facilities/ref%3AE2"),
      url: "https://city.example/facilities/ref%3AE2",
    });
    expect(pushesTo(ward)[0].body).toContain("城東小学校（1.5 km");
    expect(pushesTo(own)[0]).toMatchObject({
      title: "五福小学校 Gofuku Shogakko is full",
      body: expect.stringContaining("慶徳小学校 Keitoku Shogakko (640 m, room for 120)"),
    });

    // Flapping: down to crowded and full again ten minutes later is not told again...
    clock.advance(10 * 60_000);
    await publish(change(full, crowded));
    await publish(change(crowded, full));
    await settled();
    expect(pushService.accepted).toBe(2);
    // ...but full again more than the minimum interval after the last alert is.
    clock.advance(51 * 60_000);
    await publish(change(full, crowded));
    await publish(change(crowded, full));
    await settled();
    await waitUntil(() => pushService.accepted === 4, "the later alert to both followers");
    expect(pushesTo(elsewhere)).toHaveLength(0);
  });
});
