import { publishEvent, waitUntil } from "@crisis/platform";
import { ChangeSource, FacilityStatus, FacilityUse, ServiceLevel, ShelterOperation, eventTypes } from "@crisis/platform/contracts";
import { FacilityStatusChanged, ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { consumeSingleChanges, followShelterCounts } from "../../../src/adapters/nats/consumers";
import { kvPendingChanges } from "../../../src/adapters/nats/pending-changes";
import { CoalesceDeps, flushChanges } from "../../../src/app/flush-changes";
import { ShelterCounts } from "../../../src/domain/shelter-counts";
import { NotifyFixture, logger, startNotifyFixture } from "../../notify-fixture";

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
  let f: NotifyFixture;
  let deps: CoalesceDeps;

  beforeAll(async () => {
    f = await startNotifyFixture();
    const counts = new ShelterCounts();
    deps = {
      store: f.store,
      queue: f.queue,
      reports: f.reports,
      pending: await kvPendingChanges(f.backbone.js, 1),
      clock: f.clock,
      rule: { quietMs: 60_000, longestMs: 600_000 },
      openIn: (ward) => counts.openIn(ward),
      baseUrl: "https://city.example",
      ttlSeconds: 3600,
    };
    f.run([...(await consumeSingleChanges(f.backbone, deps, 5_000, logger)), await followShelterCounts(f.backbone, counts)]);
  });
  afterAll(() => f.stop());

  it("tells a ward subscriber of 27 shelters closed one by one in ten minutes in one message, with how many stay open", async () => {
    const { pushService, subscribe, clock } = f;
    const chuo = await subscribe(["ward:中央区"], "ja");
    const chuoEn = await subscribe(["ward:中央区"], "en");
    const kita = await subscribe(["ward:北区"], "ja");
    const publish = (c: FacilityStatusChanged) =>
      publishEvent(f.backbone.js, eventTypes.facilityStatusChanged, c, { eventId: c.eventId, correlationId: "t" });

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

  it("tells a follower of 三和中学校 that shelter by name with its reason and link, and a ward follower names three or fewer, counts more", async () => {
    const { pushService, subscribe, clock } = f;
    const sanwa = await subscribe(["facility:ref:E4310000025111"], "ja");
    const sanwaEn = await subscribe(["facility:ref:E4310000025111"], "en");
    const nishi = await subscribe(["ward:西区"], "ja");
    const publish = (c: FacilityStatusChanged) =>
      publishEvent(f.backbone.js, eventTypes.facilityStatusChanged, c, { eventId: c.eventId, correlationId: "t" });
    // Closed by staff before it ever opened: its use stays open, so its status stays "normal".
    const closedByHand = (id: string, name: string, n: number) =>
      FacilityStatusChanged.fromPartial({
        eventId: `closed-${id}`,
        facilityId: id,
        facilityName: name,
        category: "school",
        ward: "西区",
        source: ChangeSource.CHANGE_SOURCE_MANUAL,
        previousStatus: FacilityStatus.FACILITY_STATUS_NORMAL,
        status: FacilityStatus.FACILITY_STATUS_NORMAL,
        previousUse: FacilityUse.FACILITY_USE_OPEN,
        use: FacilityUse.FACILITY_USE_OPEN,
        previousShelter: ShelterOperation.SHELTER_OPERATION_NOT_OPENED,
        shelter: ShelterOperation.SHELTER_OPERATION_CLOSED,
        reasons: [`余震で天井材が落下 ${n}`],
        reason: `余震で天井材が落下 ${n}`,
      });
    const sanwaClosed = closedByHand("ref:E4310000025111", "三和中学校", 0);
    await publish(sanwaClosed);
    await waitUntil(async () => (await deps.pending.read())?.changes.length === 1, "the closure in the window");
    clock.advance(60_000);
    await flushChanges(deps, logger);
    await waitUntil(() => [sanwa, sanwaEn, nishi].every((b) => pushService.messagesFor(b.id).length === 1), "each follower told once");
    const link = "https://city.example/facilities/ref%3AE4310000025111";
    expect(JSON.parse(pushService.messagesFor(sanwa.id)[0].text)).toMatchObject({
      body: `三和中学校: 避難所を閉鎖しました（余震で天井材が落下 0）\n詳しくは ${link}`,
      url: link,
    });
    expect(JSON.parse(pushService.messagesFor(sanwaEn.id)[0].text).body.split("\n")[0]).toBe(
      "三和中学校 Sanwa Chugakko: shelter closed (余震で天井材が落下 0)",
    );
    expect(pushService.messagesFor(sanwa.id)[0].urgency).toBe("high");
    expect(JSON.parse(pushService.messagesFor(nishi.id)[0].text).body.split("\n")[0]).toBe(
      "三和中学校: 避難所を閉鎖しました（余震で天井材が落下 0）",
    );

    // Four closures in one burst: the ward's follower is given counts, 三和中学校's follower still its name.
    const four = [sanwaClosed, ...[1, 2, 3].map((n) => closedByHand(`nishi-${n}`, `西区の学校${n}`, n))].map((c) => ({
      ...c,
      eventId: `${c.eventId}-again`,
      previousShelter: ShelterOperation.SHELTER_OPERATION_OPEN,
      previousStatus: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
    }));
    for (const c of four) await publish(c);
    await waitUntil(async () => (await deps.pending.read())?.changes.length === 4, "four closures in the window");
    clock.advance(60_000);
    await flushChanges(deps, logger);
    await waitUntil(() => [sanwa, nishi].every((b) => pushService.messagesFor(b.id).length === 2), "told again");
    expect(JSON.parse(pushService.messagesFor(sanwa.id)[1].text).body).toBe(
      `三和中学校: 避難所を閉鎖しました（余震で天井材が落下 0）\n詳しくは ${link}`,
    );
    expect(JSON.parse(pushService.messagesFor(nishi.id)[1].text).body).toBe(
      `西区の避難所 4 か所を閉鎖、開設中 ${deps.openIn("西区")} か所\n詳しくは https://city.example/status`,
    );
  });

  it("never re-announces an opening for a change that changed nothing (a registry correction re-published)", async () => {
    const { pushService, subscribe, clock } = f;
    const browser = await subscribe(["ward:東区"], "ja");
    const unchanged = FacilityStatusChanged.fromPartial({
      ...shelter(1, ChangeSource.CHANGE_SOURCE_MANUAL, true, "東区"),
      eventId: "correction-1",
      previousStatus: FacilityStatus.FACILITY_STATUS_SHELTER_OPEN,
    });
    const opened = shelter(2, ChangeSource.CHANGE_SOURCE_MANUAL, true, "東区");
    await publishEvent(f.backbone.js, eventTypes.facilityStatusChanged, unchanged, { eventId: unchanged.eventId, correlationId: "t" });
    await publishEvent(f.backbone.js, eventTypes.facilityStatusChanged, opened, { eventId: opened.eventId, correlationId: "t" });
    await waitUntil(async () => (await deps.pending.read())?.changes.length === 1, "the real opening in the window");
    expect((await deps.pending.read())?.changes.map((c) => c.eventId)).toEqual([opened.eventId]);
    clock.advance(60_000);
    await flushChanges(deps, logger);
    await waitUntil(() => pushService.messagesFor(browser.id).length, "the Higashi subscriber told");
    const [message] = pushService.messagesFor(browser.id);
    expect(JSON.parse(message.text)).toMatchObject({
      body: `避難所2: 避難所を開設しました\n詳しくは https://city.example/facilities/${encodeURIComponent(opened.facilityId)}`,
      url: `https://city.example/facilities/${encodeURIComponent(opened.facilityId)}`,
    });
    expect(message.urgency).toBe("high");
  });

  it("tells a counter service's followers once per burst, the latest level, in their language, opening the service's page", async () => {
    const { pushService, subscribe, clock } = f;
    const ja = await subscribe(["service:juminhyo"], "ja");
    const en = await subscribe(["service:juminhyo"], "en");
    const both = await subscribe(["service:juminhyo", "facility:lib-1"], "ja");
    const ward = await subscribe(["ward:中央区"], "ja");
    const level = (eventId: string, from: ServiceLevel, to: ServiceLevel) =>
      ServiceLevelChanged.fromPartial({
        eventId,
        serviceId: "juminhyo",
        serviceName: "住民票の写し",
        channel: "counter",
        previousLevel: from,
        level: to,
        source: ChangeSource.CHANGE_SOURCE_MANUAL,
        startsAt: "2026-07-28T09:00:00Z",
        endsAt: "2026-07-28T12:00:00Z",
        wards: ["中央区"],
      });
    const library = FacilityStatusChanged.fromPartial({
      eventId: "lib-1-closed",
      facilityId: "lib-1",
      facilityName: "熊本市立図書館",
      category: "library",
      ward: "中央区",
      source: ChangeSource.CHANGE_SOURCE_MANUAL,
      previousStatus: FacilityStatus.FACILITY_STATUS_NORMAL,
      status: FacilityStatus.FACILITY_STATUS_CLOSED,
    });
    const changes = [
      level("svc-1", ServiceLevel.SERVICE_LEVEL_NORMAL, ServiceLevel.SERVICE_LEVEL_SUSPENDED),
      level("svc-2", ServiceLevel.SERVICE_LEVEL_SUSPENDED, ServiceLevel.SERVICE_LEVEL_REDUCED),
    ];
    for (const c of changes)
      await publishEvent(f.backbone.js, eventTypes.serviceLevelChanged, c, { eventId: c.eventId, correlationId: "t" });
    await publishEvent(f.backbone.js, eventTypes.facilityStatusChanged, library, { eventId: library.eventId, correlationId: "t" });
    await waitUntil(async () => {
      const window = await deps.pending.read();
      return window?.services.length === 2 && window.changes.length === 1;
    }, "both level changes and the closure in the window");
    clock.advance(60_000);
    await flushChanges(deps, logger);

    await waitUntil(() => [ja, en, both, ward].every((b) => pushService.messagesFor(b.id).length === 1), "each follower told once");
    const [message] = pushService.messagesFor(ja.id);
    expect(JSON.parse(message.text)).toMatchObject({
      title: "熊本市 窓口サービスの変更",
      body: "住民票の写し（区役所窓口）: 7月28日 18:00から7月28日 21:00まで時間短縮\n詳しくは https://city.example/services/juminhyo",
      url: "https://city.example/services/juminhyo",
    });
    expect(JSON.parse(pushService.messagesFor(en.id)[0].text)).toMatchObject({
      title: "Kumamoto City: counter services changed",
      body: "住民票の写し Jumin Hyo No Utsushi (ward office counter): reduced hours from 28 Jul, 18:00 until 28 Jul, 21:00\nDetails: https://city.example/services/juminhyo",
    });
    // Following the library and the service: one message with both, opening the status page.
    expect(JSON.parse(pushService.messagesFor(both.id)[0].text)).toMatchObject({
      body: "熊本市立図書館: 休館しています\n住民票の写し（区役所窓口）: 7月28日 18:00から7月28日 21:00まで時間短縮\n詳しくは https://city.example/status",
      url: "https://city.example/status",
    });
    // The ward's follower hears of the library, not of the counter service.
    expect(JSON.parse(pushService.messagesFor(ward.id)[0].text).body).toBe(
      "熊本市立図書館: 休館しています\n詳しくは https://city.example/facilities/lib-1",
    );
    expect(await deps.pending.read()).toBeUndefined();
  });
});
