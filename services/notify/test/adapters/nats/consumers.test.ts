import pino from "pino";
import webpush from "web-push";
import {
  Backbone,
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
import { FacilityStatusChanged, PlaybookApplied, StaffReassigned } from "@crisis/platform/contracts/events";
import { NatsServerHandle, TestPushService, TestTls, createTestTls, startNatsServer } from "@crisis/platform/testing";
import { consumeAppliedPlaybooks, consumePushBatches, consumeStaffNotices } from "../../../src/adapters/nats/consumers";
import { jetStreamAlertEvents, jetStreamDeliveryQueue } from "../../../src/adapters/nats/notify-events";
import { pushDeliveryStream } from "../../../src/adapters/nats/push-queue";
import { kvBatchProgress } from "../../../src/adapters/nats/batch-progress";
import { kvDeliveryReports } from "../../../src/adapters/nats/delivery-reports";
import { WatchedSubscriptionStore, kvSubscriptionStore } from "../../../src/adapters/nats/subscription-store";
import { inlineEncryptor } from "../../../src/adapters/webpush/encryption-pool";
import { PoolingPushSender, poolingPushSender } from "../../../src/adapters/webpush/push-sender";
import { vapidAuthorizer } from "../../../src/adapters/webpush/vapid";
import { DeliveryReports } from "../../../src/app/ports";
import { readAlertReport } from "../../../src/app/read-alert-report";
import { createSubscription } from "../../../src/app/create-subscription";
import { parseOriginRules } from "../../../src/domain/push-origins";
import { subscriptionIdFor } from "../../../src/domain/subscription";

const logger = pino({ level: "silent" });
const shelter = (id: string, ward: string) =>
  FacilityStatusChanged.fromPartial({
    eventId: `e-${id}`,
    facilityId: id,
    facilityName: `避難所${id}`,
    category: "school",
    ward,
    previousStatus: FacilityStatus.FACILITY_STATUS_NORMAL,
    status: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
  });

describe("notify's consumers on a real nats-server: an applied playbook becomes one decrypted push per subscriber", () => {
  let server: NatsServerHandle;
  let backbone: Backbone;
  let tls: TestTls;
  let pushService: TestPushService;
  let store: WatchedSubscriptionStore;
  let sender: PoolingPushSender;
  let reports: DeliveryReports;
  const running: RunningConsumer[] = [];
  const vapid = webpush.generateVAPIDKeys();
  const clock = new FakeClock("2026-07-28T07:30:00Z");

  beforeAll(async () => {
    server = await startNatsServer();
    backbone = await connectBackbone(server.url, "notify-test", logger);
    await ensureStreams(backbone.jsm, [streams.facility, streams.staff, streams.alert, pushDeliveryStream]);
    tls = createTestTls();
    pushService = new TestPushService({ tls, vapidPublicKey: vapid.publicKey });
    await pushService.start();
    store = await kvSubscriptionStore(backbone.js, 1, logger);
    reports = await kvDeliveryReports(backbone.js, 1);
    sender = poolingPushSender({
      encryptor: inlineEncryptor,
      authorization: vapidAuthorizer({ subject: "mailto:test@city.example", ...vapid }, systemClock),
      concurrencyPerOrigin: 8,
      timeoutMs: 5_000,
      ca: [tls.ca],
    });
    running.push(
      await consumePushBatches(
        backbone,
        { store, sender, reports, progress: await kvBatchProgress(backbone.js, 1), clock, sleep: async () => undefined },
        { batches: 4, ackWaitMs: 5_000 },
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
      ...(await consumeStaffNotices(
        backbone,
        { store, queue: jetStreamDeliveryQueue(backbone.js), reports, clock, staffUrl: "https://city.example/staff", ttlSeconds: 600 },
        5_000,
        logger,
      )),
    );
  });
  afterAll(async () => {
    for (const consumer of running) await consumer.stop();
    store.stop();
    await sender.close();
    await backbone.nc.close();
    await server.stop();
    await pushService.stop();
  });

  it("reaches the ward's subscribers in their language, skips the others, and purges a subscription that is gone", async () => {
    const origins = parseOriginRules(pushService.origin);
    const subscribe = async (topics: string[], lang: string) => {
      const browser = pushService.subscribe();
      const { keys, endpoint } = browser.json;
      await createSubscription({ store, origins, clock }, { endpoint, p256dh: keys.p256dh, auth: keys.auth, topics, lang });
      return browser;
    };
    const chuoJa = await subscribe(["ward:中央区"], "ja");
    const chuoEn = await subscribe(["ward:中央区"], "en");
    const kita = await subscribe(["ward:北区"], "ja");
    const gone = await subscribe(["ward:中央区"], "ja");
    pushService.expire(gone.id);

    const applied = PlaybookApplied.fromPartial({
      eventId: "m1.applied",
      modeEventId: "m1",
      mode: { incident: Incident.INCIDENT_EARTHQUAKE, level: ModeLevel.MODE_LEVEL_EMERGENCY, wards: [] },
      changes: [shelter("c1", "中央区"), shelter("c2", "中央区")],
      appliedAt: clock.now().toISOString(),
    });
    await publishEvent(backbone.js, eventTypes.playbookApplied, applied, { eventId: applied.eventId, correlationId: "c-1" });

    await waitUntil(
      () => pushService.messagesFor(chuoJa.id).length && pushService.messagesFor(chuoEn.id).length,
      "both Chūō subscribers reached",
    );
    await waitUntil(async () => !(await store.get(subscriptionIdFor(gone.json.endpoint))), "the gone subscription purged");
    expect(JSON.parse(pushService.messagesFor(chuoJa.id)[0].text).body).toMatch(/^避難所 2 か所を開設 — 中央区 2/);
    expect(JSON.parse(pushService.messagesFor(chuoEn.id)[0].text).body).toMatch(/^2 shelters opened — Chuo Ward 2/);
    expect(pushService.messagesFor(kita.id)).toEqual([]);
    expect(pushService.rejections).toEqual([]);
    // The manager's delivery report: three queued (Kita's subscriber is not concerned), one gone.
    await waitUntil(async () => (await readAlertReport(reports, "m1.alert")).accepted === 2, "the report counts both deliveries");
    expect(await readAlertReport(reports, "m1.alert")).toEqual({
      alertId: "m1.alert",
      queued: 3,
      accepted: 2,
      gone: 1,
      failed: 0,
      expired: 0,
    });
    await expect(readAlertReport(reports, "no-such.alert")).rejects.toMatchObject({ code: "ALERT_NOT_FOUND", status: 404 });
  });

  it("sends a reassignment only to that staff member's subscriptions, urgent, in their language, opening the staff page", async () => {
    const origins = parseOriginRules(pushService.origin);
    const subscribe = async (topics: string[], lang: string) => {
      const browser = pushService.subscribe();
      const { keys, endpoint } = browser.json;
      await createSubscription({ store, origins, clock }, { endpoint, p256dh: keys.p256dh, auth: keys.auth, topics, lang });
      return browser;
    };
    const phone = await subscribe(["staff:S-10234"], "ja");
    const laptop = await subscribe(["staff:S-10234", "ward:東区"], "en");
    const colleague = await subscribe(["staff:S-20000"], "ja");
    const event = StaffReassigned.fromPartial({
      eventId: "n1.reassigned",
      noticeId: "n1",
      staffId: "S-10234",
      place: "熊本市立白川小学校",
      duty: "避難所運営",
      startsAt: "2026-07-28T09:00:00Z",
      endsAt: "2026-07-29T09:00:00Z",
      reportTo: "中央区役所 総務課",
    });
    await publishEvent(backbone.js, eventTypes.staffReassigned, event, { eventId: event.eventId, correlationId: "c-2" });
    await waitUntil(
      () => pushService.messagesFor(phone.id).length && pushService.messagesFor(laptop.id).length,
      "both of the staff member's devices reached",
    );
    const [ja] = pushService.messagesFor(phone.id);
    expect(ja.urgency).toBe("high");
    expect(JSON.parse(ja.text)).toMatchObject({
      title: "熊本市 職員配置の通知",
      body: "熊本市立白川小学校で避難所運営。7月28日 18:00から7月29日 18:00まで。報告先: 中央区役所 総務課",
      url: "https://city.example/staff",
    });
    expect(JSON.parse(pushService.messagesFor(laptop.id)[0].text).body).toBe(
      "避難所運営 at 熊本市立白川小学校, 28 Jul, 18:00 to 29 Jul, 18:00. Report to 中央区役所 総務課.",
    );
    expect(pushService.messagesFor(colleague.id)).toEqual([]);
  });
});
