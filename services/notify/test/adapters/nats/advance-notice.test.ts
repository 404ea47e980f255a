import pino from "pino";
import webpush from "web-push";
import { Backbone, FakeClock, connectBackbone, ensureStreams, publishEvent, streams, systemClock, waitUntil } from "@crisis/platform";
import { FacilityUse, eventTypes } from "@crisis/platform/contracts";
import { RestrictionScheduled } from "@crisis/platform/contracts/events";
import { NatsServerHandle, TestPushService, TestTls, createTestTls, startNatsServer } from "@crisis/platform/testing";
import { consumePushBatches, consumeScheduledRestrictions } from "../../../src/adapters/nats/consumers";
import { kvBatchProgress } from "../../../src/adapters/nats/batch-progress";
import { kvDeliveryReports } from "../../../src/adapters/nats/delivery-reports";
import { jetStreamDeliveryQueue } from "../../../src/adapters/nats/notify-events";
import { pushDeliveryStream } from "../../../src/adapters/nats/push-queue";
import { kvReminders } from "../../../src/adapters/nats/reminders";
import { kvSubscriptionStore } from "../../../src/adapters/nats/subscription-store";
import { inlineEncryptor } from "../../../src/adapters/webpush/encryption-pool";
import { poolingPushSender } from "../../../src/adapters/webpush/push-sender";
import { vapidAuthorizer } from "../../../src/adapters/webpush/vapid";
import { AdvanceNoticeDeps, sendDueReminders } from "../../../src/app/announce-scheduled";
import { createSubscription } from "../../../src/app/create-subscription";
import { parseOriginRules } from "../../../src/domain/push-origins";

const logger = pino({ level: "silent" });

describe("advance notice of a restriction scheduled for later, on a real nats-server", () => {
  let server: NatsServerHandle;
  let backbone: Backbone;
  let tls: TestTls;
  let pushService: TestPushService;
  const stops: (() => Promise<unknown> | void)[] = [];
  const vapid = webpush.generateVAPIDKeys();
  const clock = new FakeClock("2026-07-28T07:30:00Z");
  let deps: AdvanceNoticeDeps;

  beforeAll(async () => {
    server = await startNatsServer();
    backbone = await connectBackbone(server.url, "notify-test", logger);
    await ensureStreams(backbone.jsm, [streams.facility, pushDeliveryStream]);
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
      reminders: await kvReminders(backbone.js, 1),
      clock,
      advanceMs: 3_600_000,
      baseUrl: "https://city.example",
    };
    const batches = await consumePushBatches(
      backbone,
      { store, sender, reports, progress: await kvBatchProgress(backbone.js, 1), clock, sleep: async () => undefined },
      { batches: 2, ackWaitMs: 5_000 },
      logger,
    );
    const scheduled = await consumeScheduledRestrictions(backbone, deps, 5_000, logger);
    stops.push(
      () => batches.stop(),
      () => scheduled.stop(),
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

  it("tells the facility's followers when the closure is scheduled, and again an hour before it starts", async () => {
    const browser = pushService.subscribe();
    const { endpoint, keys } = browser.json;
    await createSubscription(
      { store: deps.store, origins: parseOriginRules(pushService.origin), clock },
      { endpoint, p256dh: keys.p256dh, auth: keys.auth, topics: ["facility:lib:JP-1003025"], lang: "ja" },
    );
    const event = RestrictionScheduled.fromPartial({
      eventId: "r1.scheduled-event",
      facilityId: "lib:JP-1003025",
      facilityName: "熊本市立図書館",
      category: "library",
      ward: "中央区",
      restrictionId: "r1",
      use: FacilityUse.FACILITY_USE_CLOSED,
      reason: "館内点検",
      startsAt: "2026-07-30T00:00:00Z",
      endsAt: "2026-07-31T09:00:00Z",
    });
    await publishEvent(backbone.js, eventTypes.restrictionScheduled, event, { eventId: event.eventId, correlationId: "t" });
    await waitUntil(() => pushService.messagesFor(browser.id).length === 1, "the first notice");
    const first = JSON.parse(pushService.messagesFor(browser.id)[0].text);
    expect(first).toMatchObject({
      title: "熊本市 施設利用の予定",
      body: "熊本市立図書館は7月30日 09:00から7月31日 18:00まで休館(館内点検)",
      url: "https://city.example/facilities/lib%3AJP-1003025",
    });

    clock.set("2026-07-29T22:30:00Z"); // an hour and a half before: not yet
    await sendDueReminders(deps, logger);
    clock.set("2026-07-29T23:00:00Z"); // an hour before
    await sendDueReminders(deps, logger);
    await sendDueReminders(deps, logger); // the next cron tick sends nothing more
    await waitUntil(() => pushService.accepted === 2, "the second notice");
    // Same facility, same Topic: on a device still offline the newer notice replaces the older one.
    expect(pushService.replaced).toBe(1);
    expect(pushService.messagesFor(browser.id).map((m) => JSON.parse(m.text).title)).toEqual(["熊本市 まもなく施設利用が変わります"]);
    expect(await deps.reminders.due(clock.now())).toEqual([]);
  });
});
