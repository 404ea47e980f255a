import pino from "pino";
import { AppError, eventTypes } from "@crisis/platform/contracts";
import { FakeClock, decodeEvent, replaySubject, streams } from "@crisis/platform";
import { backboneForSuite } from "@crisis/platform/testing";
import { bookSlot } from "../../../src/app/counters/book-slot";
import { bookingOf, cancelBooking, changeBooking } from "../../../src/app/counters/change-booking";
import { listSlots } from "../../../src/app/counters/list-slots";
import { CounterDeps, CounterSettings } from "../../../src/app/counters/ports";
import { sweepBookings } from "../../../src/app/counters/sweep-bookings";
import { counterDeps } from "../../counters";

const logger = pino({ level: "silent" });
const refusal = (err: unknown) => (err instanceof AppError ? err.code : `not refused: ${String(err)}`);

describe("counter bookings in a JetStream KV bucket on a real nats-server", () => {
  const nats = backboneForSuite("bookings-test", [streams.counter], { logger });
  const clock = new FakeClock("2026-07-28T00:00:00Z");
  let ids = 0;

  /** One facilities process: its own per-slot queue, the shared bucket. */
  const instance = (settings: Partial<CounterSettings> = {}) => counterDeps(nats.backbone, { clock, newId: () => `ev-${++ids}`, settings });
  const slotsOf = async (deps: CounterDeps, date = "2026-07-29") =>
    (await listSlots(deps, { serviceId: "juminhyo", date, channel: "counter" })).filter((s) => s.officeName === "中央区役所");

  it("gives 1,000 concurrent bookings for 100 places exactly 100 bookings and 900 SLOT_FULL refusals, across two processes", async () => {
    const [a, b] = [await instance({ placesPerSlot: 100 }), await instance({ placesPerSlot: 100 })];
    const [slot] = await slotsOf(a, "2026-07-30");
    const outcomes = await Promise.allSettled(Array.from({ length: 1000 }, (_, i) => bookSlot(i % 2 ? a : b, slot.id, `c${i}`)));
    const booked = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value.code] : []));
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [refusal(o.reason)] : []));
    expect(booked).toHaveLength(100);
    expect(new Set(booked).size).toBe(100);
    expect(refused).toEqual(Array(900).fill("SLOT_FULL"));
    const held = await a.store.holders(slot.id);
    expect(held.codes.sort()).toEqual([...booked].sort());
    expect((await slotsOf(b, "2026-07-30"))[0].free).toBe(0);
  });

  it("books a slot without an account, then changes and cancels it with the code alone, freeing each place", async () => {
    const deps = await instance();
    const [first, second] = await slotsOf(deps);
    const booking = await bookSlot(deps, first.id, "book");
    expect(booking).toMatchObject({ status: "booked", serviceName: "住民票の写し", officeName: "中央区役所", startsAt: first.startsAt });
    expect(booking.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect((await slotsOf(deps))[0].free).toBe(3);

    const typed = `${booking.code.slice(0, 4).toLowerCase()}-${booking.code.slice(4)}`;
    const moved = await changeBooking(deps, typed, second.id, "change");
    expect(moved).toMatchObject({ code: booking.code, slotId: second.id, startsAt: second.startsAt });
    expect((await slotsOf(deps)).slice(0, 2).map((s) => s.free)).toEqual([4, 3]);

    const cancelled = await cancelBooking(deps, booking.code, "cancel");
    expect(cancelled.status).toBe("cancelled");
    expect((await slotsOf(deps))[1].free).toBe(4);

    const subjects: string[] = [];
    for (const type of [eventTypes.bookingCreated, eventTypes.bookingChanged, eventTypes.bookingCancelled])
      await replaySubject(nats.backbone.js, nats.backbone.jsm, streams.counter.name, type.subject, (msg) => {
        const { event } = decodeEvent(type, msg);
        if (event.booking?.code === booking.code) subjects.push(msg.subject);
      });
    expect(subjects).toEqual(["crisis.counter.booking.created", "crisis.counter.booking.changed", "crisis.counter.booking.cancelled"]);
  });

  it("refuses a slot in the past, a full slot, an unknown code and a double cancel, each with its own code, changing nothing", async () => {
    const deps = await instance({ placesPerSlot: 1 });
    const [first, second] = await slotsOf(deps);
    const today = await slotsOf(deps, "2026-07-28");
    const kept = await bookSlot(deps, first.id, "k");
    const before = await slotsOf(deps);
    const cancelled = await bookSlot(deps, second.id, "c");
    await cancelBooking(deps, cancelled.code, "c");

    await expect(bookSlot(deps, today[0].id, "past").catch(refusal)).resolves.toBe("SLOT_IN_PAST");
    await expect(bookSlot(deps, first.id, "full").catch(refusal)).resolves.toBe("SLOT_FULL");
    await expect(bookSlot(deps, "juminhyo.counter.nowhere.20260729.0510", "x").catch(refusal)).resolves.toBe("SLOT_NOT_FOUND");
    await expect(bookingOf(deps, "ZZZZZZZZ").catch(refusal)).resolves.toBe("BOOKING_NOT_FOUND");
    await expect(bookingOf(deps, "not a code").catch(refusal)).resolves.toBe("BOOKING_NOT_FOUND");
    await expect(cancelBooking(deps, cancelled.code, "again").catch(refusal)).resolves.toBe("BOOKING_CANCELLED");
    await expect(changeBooking(deps, cancelled.code, second.id, "again").catch(refusal)).resolves.toBe("BOOKING_CANCELLED");
    await expect(changeBooking(deps, kept.code, today[0].id, "back").catch(refusal)).resolves.toBe("SLOT_IN_PAST");
    const other = (await listSlots(deps, { serviceId: "inkan", date: "2026-07-29", channel: "counter" }))[0];
    await expect(changeBooking(deps, kept.code, other.id, "other").catch(refusal)).resolves.toBe("SLOT_OTHER_SERVICE");
    await expect(listSlots(deps, { serviceId: "juminhyo", date: "29/07/2026", channel: "" }).catch(refusal)).resolves.toBe("DATE_INVALID");
    await expect(listSlots(deps, { serviceId: "juminhyo", date: "2026-07-29", channel: "convenience_store" }).catch(refusal)).resolves.toBe(
      "CHANNEL_NOT_BOOKABLE",
    );

    expect(await slotsOf(deps)).toEqual(before);
    expect(await bookingOf(deps, kept.code)).toEqual(kept);
  });

  it("deletes bookings and slot holders once the retention days after the visit day have passed, and no sooner", async () => {
    const deps = await instance({ retentionDays: 7 });
    const [slot] = await slotsOf(deps, "2026-08-03");
    const booking = await bookSlot(deps, slot.id, "r");
    clock.set("2026-08-10T14:59:00Z");
    await sweepBookings(deps);
    expect(await bookingOf(deps, booking.code)).toMatchObject({ code: booking.code });
    clock.set("2026-08-10T15:00:00Z");
    const deleted = await sweepBookings(deps);
    expect(deleted.bookings).toBeGreaterThanOrEqual(1);
    await expect(bookingOf(deps, booking.code).catch(refusal)).resolves.toBe("BOOKING_NOT_FOUND");
    expect(await deps.store.slotIds()).not.toContain(slot.id);
    expect((await deps.store.holders(slot.id)).codes).toEqual([]);
  });
});
