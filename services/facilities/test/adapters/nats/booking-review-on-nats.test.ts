import pino from "pino";
import { ServiceLevel, eventTypes } from "@crisis/platform/contracts";
import { BookingRecorded, CounterBooking } from "@crisis/platform/contracts/counters";
import { ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { FakeClock, RunningConsumer, decodeEvent, publishEvent, replaySubject, streams, waitUntil } from "@crisis/platform";
import { backboneForSuite } from "@crisis/platform/testing";
import { consumeLevelChangesForBookings } from "../../../src/adapters/nats/booking-review-consumer";
import { bookSlot } from "../../../src/app/counters/book-slot";
import { bookingOf } from "../../../src/app/counters/change-booking";
import { slotsOf } from "../../../src/app/counters/find-slots";
import { CounterDeps } from "../../../src/app/counters/ports";
import { reviewBookingsAfter } from "../../../src/app/counters/review-bookings";
import { commitPlan, planMode } from "../../../src/domain/mode-plan";
import { playbookFor } from "../../../src/domain/playbook";
import { mode, playbooks } from "../../city";
import { counterDeps, suspendJuminhyoCounter } from "../../counters";

const logger = pino({ level: "silent" });
const day = "2026-07-29";

describe("crisis mode reviewing a day of counter bookings on a real nats-server", () => {
  let deps: CounterDeps;
  let consumer: RunningConsumer;
  const nats = backboneForSuite("booking-review-test", [streams.counter, streams.service, streams.deadLetter], {
    logger,
    beforeStop: () => consumer?.stop(),
  });
  const clock = new FakeClock("2026-07-28T00:00:00Z");
  let ids = 0;

  /** Waits until the consumer acknowledged the level change (delivery is asynchronous; no time rule depends on it). */
  const reviewed = (published: { seq: number }) =>
    waitUntil(
      async () =>
        (await nats.backbone.jsm.consumers.info(streams.service.name, "facilities-booking-review")).ack_floor.stream_seq >= published.seq,
      "the bookings reviewed",
    );
  const counterMessages = async () => (await nats.backbone.jsm.streams.info(streams.counter.name)).state.messages;
  const crisisEvents = async () => {
    const found: BookingRecorded[] = [];
    for (const type of [eventTypes.bookingChanged, eventTypes.bookingCancelled])
      await replaySubject(nats.backbone.js, nats.backbone.jsm, streams.counter.name, type.subject, (msg) => {
        const { event } = decodeEvent(type, msg);
        if (event.booking?.crisisChange) found.push(event);
      });
    return found;
  };
  const levelChanged = (eventId: string, channel: string, previousLevel: ServiceLevel, level: ServiceLevel) =>
    publishEvent(
      nats.backbone.js,
      eventTypes.serviceLevelChanged,
      ServiceLevelChanged.fromPartial({
        eventId,
        serviceId: "juminhyo",
        channel,
        previousLevel,
        level,
        changedAt: clock.now().toISOString(),
      }),
      { eventId, correlationId: eventId },
    );

  beforeAll(async () => {
    deps = await counterDeps(nats.backbone, { clock, newId: () => `ev-${++ids}` });
    consumer = await consumeLevelChangesForBookings(nats.backbone, deps, logger);
  });

  it("keeps, moves or cancels every booking of the day exactly once through a reduction then a suspension, and a re-run publishes nothing", async () => {
    // A full morning at every ward office: 08:30–12:00, all 4 places of each slot (7 slots × 4 × 5 offices).
    const morning = slotsOf(deps, "juminhyo", "counter", day).filter((s) => s.minute < 720);
    const booked: CounterBooking[] = [];
    for (const slot of morning)
      for (let i = 0; i < 4; i++) {
        clock.advance(1000);
        booked.push(await bookSlot(deps, slot.id, "book"));
      }
    expect(booked).toHaveLength(140);

    // The pandemic emergency: 09:00–16:00 and half the places at the ward offices.
    const emergency = mode("pandemic", "emergency");
    commitPlan(deps.board, planMode(deps.board, playbookFor(playbooks, emergency), emergency, "m1", clock.now()), emergency, "m1");
    await levelChanged(
      "m1.juminhyo.convenience_store",
      "convenience_store",
      ServiceLevel.SERVICE_LEVEL_NORMAL,
      ServiceLevel.SERVICE_LEVEL_NORMAL,
    );
    const levelSeq = await levelChanged(
      "m1.juminhyo.counter",
      "counter",
      ServiceLevel.SERVICE_LEVEL_NORMAL,
      ServiceLevel.SERVICE_LEVEL_REDUCED,
    );
    await reviewed(levelSeq);
    const afterReduction = await Promise.all(booked.map((b) => bookingOf(deps, b.code)));
    const moved = afterReduction.filter((b) => b.crisisChange === "moved");
    const kept = afterReduction.filter((b) => b.crisisChange === "" && b.slotId === booked.find((x) => x.code === b.code)!.slotId);
    expect(afterReduction.every((b) => b.status === "booked")).toBe(true);
    expect(kept.length + moved.length).toBe(140);
    // 6 slots from 09:00 keep 2 places each at 5 offices; the 08:30 bookings and the rest move.
    expect(kept).toHaveLength(60);
    expect(moved).toHaveLength(80);
    // The earliest-made keep: in each slot still given, the two kept are the first two booked.
    for (const slot of morning.filter((s) => s.minute >= 540)) {
      const inSlot = booked.filter((b) => b.slotId === slot.id).map((b) => b.code);
      expect(kept.filter((b) => b.slotId === slot.id).map((b) => b.code)).toEqual(inSlot.slice(0, 2));
    }
    // No slot holds more than its places, and every booking holds exactly its own place.
    const holders = new Map<string, string[]>();
    for (const b of afterReduction) holders.set(b.slotId, (await deps.store.holders(b.slotId)).codes);
    for (const [, codes] of holders) expect(codes.length).toBeLessThanOrEqual(2);
    for (const b of afterReduction) expect(holders.get(b.slotId)).toContain(b.code);
    expect(moved.every((b) => b.notice.includes("変更しました") && b.crisisCauseId === "m1.juminhyo.counter")).toBe(true);

    // Staff suspend the counter: every booking is cancelled, naming the convenience store.
    suspendJuminhyoCounter(deps.board, "d1", clock.now());
    await reviewed(await levelChanged("d1", "counter", ServiceLevel.SERVICE_LEVEL_REDUCED, ServiceLevel.SERVICE_LEVEL_SUSPENDED));
    const afterSuspension = await Promise.all(booked.map((b) => bookingOf(deps, b.code)));
    expect(afterSuspension.every((b) => b.status === "cancelled" && b.crisisChange === "cancelled")).toBe(true);
    expect(afterSuspension.every((b) => b.alternatives.join() === "convenience_store")).toBe(true);
    expect(afterSuspension[0].notice).toContain("コンビニで取得できます");
    for (const slot of morning) expect((await deps.store.holders(slot.id)).codes).toEqual([]);

    // One event per booking and cause, each id unique and derived from its cause.
    const events = await crisisEvents();
    const eventIds = events.map((e) => e.eventId);
    expect(new Set(eventIds).size).toBe(220);
    expect(eventIds.filter((id) => id.startsWith("m1.juminhyo.counter.booking.")).length).toBe(80);
    expect(eventIds.filter((id) => id.startsWith("d1.booking.")).length).toBe(140);

    // A re-run after a fail-over (the same causes delivered again) publishes nothing new.
    const published = await counterMessages();
    const again = await reviewBookingsAfter(
      deps,
      ServiceLevelChanged.fromPartial({ eventId: "d1", serviceId: "juminhyo", channel: "counter" }),
      "again",
    );
    await reviewBookingsAfter(
      deps,
      ServiceLevelChanged.fromPartial({ eventId: "m1.juminhyo.counter", serviceId: "juminhyo", channel: "counter" }),
      "again",
    );
    expect(again).toEqual({ kept: 0, moved: 0, cancelled: 0 });
    expect(await counterMessages()).toBe(published);
  });

  it("publishes the event of a booking a review rewrote just before a fail-over, once, when the review runs again", async () => {
    const [slot] = slotsOf(deps, "inkan", "counter", day);
    const booking = await bookSlot(deps, slot.id, "book");
    // The first run rewrote the booking as cancelled, then the process died before publishing.
    await deps.store.putBooking({ ...booking, status: "cancelled", crisisChange: "cancelled", crisisCauseId: "d2", alternatives: [] });
    const cause = ServiceLevelChanged.fromPartial({ eventId: "d2", serviceId: "inkan", channel: "counter" });
    const published = await counterMessages();
    await reviewBookingsAfter(deps, cause, "redelivered");
    await reviewBookingsAfter(deps, cause, "redelivered again");
    expect(await counterMessages()).toBe(published + 1);
    expect((await crisisEvents()).filter((e) => e.eventId === "d2.booking." + booking.code)).toHaveLength(1);
  });
});
