import { publishEvent, waitUntil } from "@crisis/platform";
import { FacilityUse, eventTypes } from "@crisis/platform/contracts";
import { RestrictionScheduled } from "@crisis/platform/contracts/events";
import { consumeScheduledRestrictions } from "../../../src/adapters/nats/consumers";
import { kvReminders } from "../../../src/adapters/nats/reminders";
import { AdvanceNoticeDeps, sendDueReminders } from "../../../src/app/announce-scheduled";
import { NotifyFixture, logger, startNotifyFixture } from "../../notify-fixture";

describe("advance notice of a restriction scheduled for later, on a real nats-server", () => {
  let f: NotifyFixture;
  let deps: AdvanceNoticeDeps;

  beforeAll(async () => {
    f = await startNotifyFixture({ concurrency: 4, batches: 2 });
    deps = {
      store: f.store,
      queue: f.queue,
      reports: f.reports,
      reminders: await kvReminders(f.backbone.js, 1),
      clock: f.clock,
      advanceMs: 3_600_000,
      baseUrl: "https://city.example",
    };
    f.run(await consumeScheduledRestrictions(f.backbone, deps, 5_000, logger));
  });
  afterAll(() => f.stop());

  it("tells the facility's followers when the closure is scheduled, and again an hour before it starts", async () => {
    const { pushService, clock } = f;
    const browser = await f.subscribe(["facility:lib:JP-1003025"], "ja");
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
    await publishEvent(f.backbone.js, eventTypes.restrictionScheduled, event, { eventId: event.eventId, correlationId: "t" });
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
