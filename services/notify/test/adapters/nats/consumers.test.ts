import { publishEvent, streams, waitUntil } from "@crisis/platform";
import { ChangeSource, FacilityStatus, Incident, ModeLevel, ServiceLevel, eventTypes } from "@crisis/platform/contracts";
import {
  FacilityStatusChanged,
  PlaybookApplied,
  ServiceLevelChanged,
  StaffReassigned,
  StaffRotaChanged,
} from "@crisis/platform/contracts/events";
import { BookingRecorded, CounterBooking } from "@crisis/platform/contracts/counters";
import { consumeBookingNotices, consumeSingleChanges, consumeStaffNotices } from "../../../src/adapters/nats/consumers";
import { kvPendingChanges } from "../../../src/adapters/nats/pending-changes";
import { PendingChanges } from "../../../src/app/ports";
import { readAlertReport } from "../../../src/app/read-alert-report";
import { subscriptionIdFor } from "../../../src/domain/subscription";
import { NotifyFixture, logger, startNotifyFixture } from "../../notify-fixture";

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
  let f: NotifyFixture;
  let pending: PendingChanges;

  beforeAll(async () => {
    f = await startNotifyFixture();
    await f.issueAlerts();
    const { backbone, store, queue, reports, clock } = f;
    pending = await kvPendingChanges(backbone.js, 1);
    f.run([
      ...(await consumeStaffNotices(
        backbone,
        { store, queue, reports, clock, staffUrl: "https://city.example/staff", ttlSeconds: 600 },
        5_000,
        logger,
      )),
      ...(await consumeSingleChanges(backbone, { pending, clock }, 5_000, logger)),
      ...(await consumeBookingNotices(
        backbone,
        { store, queue, reports, clock, bookingUrl: "https://city.example/bookings", ttlSeconds: 600 },
        5_000,
        logger,
      )),
    ]);
  });
  afterAll(() => f.stop());

  it("reaches the ward's subscribers in their language, skips the others, and purges a subscription that is gone", async () => {
    const { pushService, store, reports, subscribe } = f;
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
      appliedAt: f.clock.now().toISOString(),
    });
    await publishEvent(f.backbone.js, eventTypes.playbookApplied, applied, { eventId: applied.eventId, correlationId: "c-1" });

    await waitUntil(
      () => pushService.messagesFor(chuoJa.id).length && pushService.messagesFor(chuoEn.id).length,
      "both Chūō subscribers reached",
    );
    await waitUntil(async () => !(await store.get(subscriptionIdFor(gone.json.endpoint))), "the gone subscription purged");
    // A mode change opens the status page (the service worker opens the payload's `url` on a click).
    expect(JSON.parse(pushService.messagesFor(chuoJa.id)[0].text)).toMatchObject({
      body: expect.stringMatching(/^避難所 2 か所を開設 — 中央区 2/),
      url: "https://city.example/status",
    });
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
    const { pushService, subscribe } = f;
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
    await publishEvent(f.backbone.js, eventTypes.staffReassigned, event, { eventId: event.eventId, correlationId: "c-2" });
    await waitUntil(
      () => pushService.messagesFor(phone.id).length && pushService.messagesFor(laptop.id).length,
      "both of the staff member's devices reached",
    );
    const [ja] = pushService.messagesFor(phone.id);
    expect(ja.urgency).toBe("high");
    expect(JSON.parse(ja.text)).toMatchObject({
      title: "熊本市 職員配置の通知",
      body: "熊本市立白川小学校で避難所運営。7月28日 18:00から7月29日 18:00まで。報告先: 中央区役所 総務課。行けないときは職員ページで理由を添えて「辞退」を。代わりの人が配置されます。",
      url: "https://city.example/staff/notices/n1",
    });
    expect(JSON.parse(pushService.messagesFor(laptop.id)[0].text).body).toBe(
      "避難所運営 at 熊本市立白川小学校, 28 Jul, 18:00 to 29 Jul, 18:00. Report to 中央区役所 総務課. If you cannot go, decline on the staff page with a reason; someone else is sent.",
    );
    expect(pushService.messagesFor(colleague.id)).toEqual([]);
  });

  it("tells a continuity team's member on their own devices to stay home until the out ends, opening the staff page", async () => {
    const { pushService, subscribe } = f;
    const phone = await subscribe(["staff:S-30001"], "ja");
    const colleague = await subscribe(["staff:S-30002"], "ja");
    const event = StaffRotaChanged.fromPartial({
      eventId: "staff-rota-r1",
      noticeId: "r1",
      staffId: "S-30001",
      teamId: "hoken.A",
      departmentName: "中央区保健センター",
      stayHomeUntil: "2026-08-04T00:00:00Z",
      reason: "陽性者",
    });
    await publishEvent(f.backbone.js, eventTypes.staffRotaChanged, event, { eventId: event.eventId, correlationId: "c-rota" });
    await waitUntil(() => pushService.messagesFor(phone.id).length, "the team member's phone reached");
    expect(JSON.parse(pushService.messagesFor(phone.id)[0].text)).toMatchObject({
      title: "熊本市 班体制の出勤日",
      body: "中央区保健センター: あなたの班は8月4日 09:00まで自宅待機です（陽性者）。",
      url: "https://city.example/staff",
    });
    expect(pushService.messagesFor(colleague.id)).toEqual([]);
  });

  it("tells a booking's device once that crisis mode cancelled it, naming the online alternative, and nothing for the holder's own changes", async () => {
    const { pushService, subscribe } = f;
    const holder = await subscribe(["booking:K7M3Q9XZ"], "ja");
    const other = await subscribe(["booking:ZZZZ2222"], "en");
    const booking = CounterBooking.fromPartial({
      code: "K7M3Q9XZ",
      serviceId: "risai_home",
      serviceName: "り災証明書（住家）",
      officeName: "中央区役所",
      startsAt: "2026-07-29T09:30:00+09:00",
      status: "booked",
    });
    const own = BookingRecorded.fromPartial({ eventId: "ev-own", booking });
    const ownSeq = (await publishEvent(f.backbone.js, eventTypes.bookingChanged, own, { eventId: own.eventId, correlationId: "c-own" }))
      .seq;
    await waitUntil(
      async () => (await f.backbone.jsm.consumers.info(streams.counter.name, "notify-booking-moved")).ack_floor.stream_seq >= ownSeq,
      "the holder's own change handled",
    );
    const cancelled = BookingRecorded.fromPartial({
      eventId: "d1.booking.K7M3Q9XZ",
      booking: { ...booking, status: "cancelled", crisisChange: "cancelled", alternatives: ["online"] },
    });
    await publishEvent(f.backbone.js, eventTypes.bookingCancelled, cancelled, { eventId: cancelled.eventId, correlationId: "c-3" });
    await waitUntil(() => pushService.messagesFor(holder.id).length, "the booking's device reached");
    const messages = pushService.messagesFor(holder.id);
    expect(messages).toHaveLength(1);
    expect(messages[0].urgency).toBe("high");
    expect(JSON.parse(messages[0].text)).toMatchObject({
      title: "熊本市 窓口予約の取消",
      body: "窓口の休止のため、り災証明書（住家）の予約を取り消しました。マイナポータルで申請できます。",
      url: "https://city.example/bookings/K7M3Q9XZ",
    });
    expect(pushService.messagesFor(other.id)).toEqual([]);
  });

  it("tells the followers of a counter service what the declaration did to it, in their language, opening the status page", async () => {
    const { pushService, subscribe } = f;
    const ja = await subscribe(["service:juminhyo"], "ja");
    const en = await subscribe(["service:juminhyo"], "en");
    const other = await subscribe(["service:koseki"], "ja");
    const suspended = level("m3.juminhyo.counter", "counter", ServiceLevel.SERVICE_LEVEL_SUSPENDED, ChangeSource.CHANGE_SOURCE_PLAYBOOK);
    const applied = PlaybookApplied.fromPartial({
      eventId: "m3.applied",
      modeEventId: "m3",
      mode: { incident: Incident.INCIDENT_EARTHQUAKE, level: ModeLevel.MODE_LEVEL_EMERGENCY, wards: [] },
      changes: [],
      serviceChanges: [suspended],
    });
    // Facilities publishes the level change itself too: told by the batch, so never by the window.
    const manual = level("manual-1", "online", ServiceLevel.SERVICE_LEVEL_EXTENDED, ChangeSource.CHANGE_SOURCE_MANUAL);
    for (const change of [suspended, manual]) {
      await publishEvent(f.backbone.js, eventTypes.serviceLevelChanged, change, { eventId: change.eventId, correlationId: "c-3" });
    }
    await publishEvent(f.backbone.js, eventTypes.playbookApplied, applied, { eventId: applied.eventId, correlationId: "c-3" });

    await waitUntil(() => pushService.messagesFor(ja.id).length && pushService.messagesFor(en.id).length, "both followers told");
    expect(JSON.parse(pushService.messagesFor(ja.id)[0].text)).toMatchObject({
      alertId: "m3.alert",
      title: "熊本市 地震 緊急体制",
      body: "住民票の写し（区役所窓口）: 7月28日 18:00から休止\n詳しくは https://city.example/status",
      url: "https://city.example/status",
    });
    expect(JSON.parse(pushService.messagesFor(en.id)[0].text).body.split("\n")[0]).toBe(
      "住民票の写し Jumin Hyo No Utsushi (ward office counter): suspended from 28 Jul, 18:00",
    );
    expect(pushService.messagesFor(other.id)).toEqual([]);
    await waitUntil(async () => (await pending.read())?.services.length === 1, "the manual change in the window");
    expect((await pending.read())?.services.map((c) => c.eventId)).toEqual(["manual-1"]);
  });
});

function level(eventId: string, channel: string, to: ServiceLevel, source: ChangeSource) {
  return ServiceLevelChanged.fromPartial({
    eventId,
    serviceId: "juminhyo",
    serviceName: "住民票の写し",
    channel,
    previousLevel: ServiceLevel.SERVICE_LEVEL_NORMAL,
    level: to,
    source,
    startsAt: "2026-07-28T09:00:00Z",
    changedAt: "2026-07-28T09:00:00Z",
  });
}
