import pino from "pino";
import webpush from "web-push";
import { Backbone, FakeClock, connectBackbone, ensureStreams, publishEvent, streams, systemClock, waitUntil } from "@crisis/platform";
import { ChangeSource, FacilityStatus, eventTypes } from "@crisis/platform/contracts";
import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { NatsServerHandle, TestPushService, TestTls, createTestTls, startNatsServer } from "@crisis/platform/testing";
import { consumeFacilityChanges, consumePushBatches, followShelterCounts } from "../../../src/adapters/nats/consumers";
import { jetStreamDeliveryQueue } from "../../../src/adapters/nats/notify-events";
import { kvPendingChanges } from "../../../src/adapters/nats/pending-changes";
import { pushDeliveryStream } from "../../../src/adapters/nats/push-queue";
import { kvBatchProgress } from "../../../src/adapters/nats/batch-progress";
import { kvDeliveryReports } from "../../../src/adapters/nats/delivery-reports";
import { kvSubscriptionStore } from "../../../src/adapters/nats/subscription-store";
import { inlineEncryptor } from "../../../src/adapters/webpush/encryption-pool";
import { poolingPushSender } from "../../../src/adapters/webpush/push-sender";
import { vapidAuthorizer } from "../../../src/adapters/webpush/vapid";
import { createSubscription } from "../../../src/app/create-subscription";
import { CoalesceDeps, flushChanges } from "../../../src/app/flush-changes";
import { parseOriginRules } from "../../../src/domain/push-origins";
import { ShelterCounts } from "../../../src/domain/shelter-counts";

const logger = pino({ level: "silent" });
const shelter = (i: number, source: ChangeSource, open: boolean, ward = "中央区") =>
  FacilityStatusChanged.fromPartial({
    eventId: `${source}-${i}-${open}`,
    facilityId: `shelter-${ward}-${i}`,
    facilityName: `避難所${i}`,
    category: "school",
    ward,
    source,
    previousStatus: open ? FacilityStatus.FACILITY_STATUS_NORMAL : FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
    status: open ? FacilityStatus.FACILITY_STATUS_SHELTER_OPEN : FacilityStatus.FACILITY_STATUS_NORMAL,
  });

describe("single changes summed up per subscriber in a window, on a real nats-server", () => {
  let server: NatsServerHandle;
  let backbone: Backbone;
  let tls: TestTls;
  let pushService: TestPushService;
  const stops: (() => Promise<unknown> | void)[] = [];
  const vapid = webpush.generateVAPIDKeys();
  const clock = new FakeClock("2026-07-28T07:30:00Z");
  let deps: CoalesceDeps;

  beforeAll(async () => {
    server = await startNatsServer();
    backbone = await connectBackbone(server.url, "notify-test", logger);
    await ensureStreams(backbone.jsm, [streams.facility, pushDeliveryStream]);
    tls = createTestTls();
    pushService = new TestPushService({ tls, vapidPublicKey: vapid.publicKey });
    await pushService.start();
    const store = await kvSubscriptionStore(backbone.js, 1, logger);
    const reports = await kvDeliveryReports(backbone.js, 1);
    const counts = new ShelterCounts();
    const sender = poolingPushSender({
      encryptor: inlineEncryptor,
      authorization: vapidAuthorizer({ subject: "mailto:test@city.example", ...vapid }, systemClock),
      concurrencyPerOrigin: 8,
      timeoutMs: 5_000,
      ca: [tls.ca],
    });
    deps = {
      store,
      queue: jetStreamDeliveryQueue(backbone.js),
      reports,
      pending: await kvPendingChanges(backbone.js, 1),
      clock,
      rule: { quietMs: 60_000, longestMs: 600_000 },
      openIn: (ward) => counts.openIn(ward),
      baseUrl: "https://city.example",
      ttlSeconds: 3600,
    };
    const batches = await consumePushBatches(
      backbone,
      { store, sender, reports, progress: await kvBatchProgress(backbone.js, 1), clock, sleep: async () => undefined },
      { batches: 4, ackWaitMs: 5_000 },
      logger,
    );
    const changes = await consumeFacilityChanges(backbone, deps, 5_000, logger);
    const following = await followShelterCounts(backbone, counts, logger);
    stops.push(
      () => batches.stop(),
      () => changes.stop(),
      () => following.stop(),
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

  it("tells a ward subscriber of 27 shelters closed one by one in ten minutes in one message, with how many stay open", async () => {
    const origins = parseOriginRules(pushService.origin);
    const subscribe = async (topics: string[], lang: string) => {
      const browser = pushService.subscribe();
      const { keys, endpoint } = browser.json;
      await createSubscription({ store: deps.store, origins, clock }, { endpoint, p256dh: keys.p256dh, auth: keys.auth, topics, lang });
      return browser;
    };
    const chuo = await subscribe(["ward:中央区"], "ja");
    const chuoEn = await subscribe(["ward:中央区"], "en");
    const kita = await subscribe(["ward:北区"], "ja");
    const publish = (c: FacilityStatusChanged) =>
      publishEvent(backbone.js, eventTypes.facilityStatusChanged, c, { eventId: c.eventId, correlationId: "t" });

    // The declaration opened 44 shelters in Chūō: told by its own batch, so never by the window.
    for (let i = 0; i < 44; i++) await publish(shelter(i, ChangeSource.CHANGE_SOURCE_PLAYBOOK, true));
    await waitUntil(() => deps.openIn("中央区") === 44, "44 shelters counted open");

    for (let i = 0; i < 27; i++) {
      await publish(shelter(i, ChangeSource.CHANGE_SOURCE_MANUAL, false));
      await waitUntil(async () => (await deps.pending.read())?.changes.length === i + 1, `closure ${i + 1} in the window`);
      clock.advance(22_000);
      await flushChanges(deps, logger); // what the cron does every few seconds
    }
    expect(pushService.accepted).toBe(0);
    clock.advance(60_000);
    await waitUntil(() => deps.openIn("中央区") === 17, "17 shelters counted open");
    await flushChanges(deps, logger);

    await waitUntil(
      () => pushService.messagesFor(chuo.id).length && pushService.messagesFor(chuoEn.id).length,
      "the Chūō subscribers told",
    );
    const messages = pushService.messagesFor(chuo.id);
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0].text)).toMatchObject({
      title: "熊本市 施設の状況が変わりました",
      body: "中央区の避難所 27 か所を閉鎖、開設中 17 か所\n詳しくは https://city.example/status",
      url: "https://city.example/status",
    });
    expect(messages[0].urgency).toBe("normal");
    expect(JSON.parse(pushService.messagesFor(chuoEn.id)[0].text).body.split("\n")[0]).toBe("Chuo Ward: 27 shelters closed, 17 open now");
    expect(pushService.messagesFor(kita.id)).toEqual([]);
    expect(await deps.pending.read()).toBeUndefined();
  });

  it("never re-announces an opening for a change that changed nothing (a registry correction re-published)", async () => {
    const browser = pushService.subscribe();
    const { keys, endpoint } = browser.json;
    await createSubscription(
      { store: deps.store, origins: parseOriginRules(pushService.origin), clock },
      { endpoint, p256dh: keys.p256dh, auth: keys.auth, topics: ["ward:東区"], lang: "ja" },
    );
    const unchanged = FacilityStatusChanged.fromPartial({
      ...shelter(1, ChangeSource.CHANGE_SOURCE_MANUAL, true, "東区"),
      eventId: "correction-1",
      previousStatus: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
    });
    const opened = shelter(2, ChangeSource.CHANGE_SOURCE_MANUAL, true, "東区");
    await publishEvent(backbone.js, eventTypes.facilityStatusChanged, unchanged, { eventId: unchanged.eventId, correlationId: "t" });
    await publishEvent(backbone.js, eventTypes.facilityStatusChanged, opened, { eventId: opened.eventId, correlationId: "t" });
    await waitUntil(async () => (await deps.pending.read())?.changes.length === 1, "the real opening in the window");
    expect((await deps.pending.read())?.changes.map((c) => c.eventId)).toEqual([opened.eventId]);
    clock.advance(60_000);
    await flushChanges(deps, logger);
    await waitUntil(() => pushService.messagesFor(browser.id).length, "the Higashi subscriber told");
    const [message] = pushService.messagesFor(browser.id);
    expect(JSON.parse(message.text)).toMatchObject({
      body: `東区の避難所 1 か所を開設、開設中 ${deps.openIn("東区")} か所\n詳しくは https://city.example/facilities/${encodeURIComponent(opened.facilityId)}`,
    });
    expect(message.urgency).toBe("high");
  });
});
