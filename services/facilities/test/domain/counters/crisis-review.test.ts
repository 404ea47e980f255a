import { ServiceLevel } from "@crisis/platform/contracts";
import { CounterBooking } from "@crisis/platform/contracts/counters";
import { ReviewOutcome, crisisNotice, reviewBookings } from "../../../src/domain/counters/crisis-review";
import { SlotPlan, daySlots } from "../../../src/domain/counters/slots";
import { newBoard, registry } from "../../city";

const settings = { slotMinutes: 30, placesPerSlot: 4 };
const board = newBoard();
const office = (name: string) => board.record(registry.find((f) => f.name === name)!.id)!;
const { NORMAL, REDUCED, SUSPENDED } = {
  NORMAL: ServiceLevel.SERVICE_LEVEL_NORMAL,
  REDUCED: ServiceLevel.SERVICE_LEVEL_REDUCED,
  SUSPENDED: ServiceLevel.SERVICE_LEVEL_SUSPENDED,
};
const date = "2026-07-29";
const now = Date.parse("2026-07-28T00:00:00Z");
const slotsAt = (name: string, level: ServiceLevel, serviceId = "juminhyo") =>
  daySlots({ serviceId, channel: "counter", date, office: office(name), levelAt: () => level }, settings);
const at = (slots: SlotPlan[], hhmm: string) => slots.find((s) => s.startsAt.slice(11, 16) === hhmm)!;

let made = 0;
/** A booking of a slot, made one minute after the one before. */
const bookingIn = (slot: SlotPlan, code: string) =>
  CounterBooking.fromPartial({
    code,
    slotId: slot.id,
    serviceId: slot.serviceId,
    channel: slot.channel,
    officeId: slot.officeId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    status: "booked",
    madeAt: new Date(now - 86_400_000 + ++made * 60_000).toISOString(),
  });
const where = (o: ReviewOutcome) => (o.outcome === "moved" ? `moved ${o.to.startsAt.slice(11, 16)} ${o.to.officeId}` : o.outcome);
const juminhyoChannels = (level: ServiceLevel) => [
  { channel: "counter", level },
  { channel: "branch_office", level },
  { channel: "convenience_store", level: NORMAL },
];

describe("reviewing bookings when crisis mode changes a counter", () => {
  const before = slotsAt("中央区役所", NORMAL);
  // Reduced level and hours: half the places, 09:00–16:00.
  const reduced = slotsAt("中央区役所", REDUCED).filter((s) => s.minute >= 540 && s.minute < 960);

  it("keeps the earliest-made bookings of a slot that shrank, and moves the rest to the nearest free time at the same office", () => {
    const ten = ["A1", "A2", "A3"].map((c) => bookingIn(at(before, "10:00"), c));
    const early = ["B1", "B2", "B3"].map((c) => bookingIn(at(before, "08:30"), c));
    const late = bookingIn(at(before, "16:30"), "C1");
    const outcomes = reviewBookings({
      bookings: [...early, late, ...ten],
      slots: reduced,
      channels: juminhyoChannels(REDUCED),
      now,
      moveWithinMs: 3 * 86_400_000,
    });
    const chuo = at(before, "10:00").officeId;
    expect(Object.fromEntries(outcomes.map((o) => [o.code, where(o)]))).toEqual({
      A1: "kept",
      A2: "kept",
      // 09:30 and 10:30 are as near; the earlier wins.
      A3: `moved 09:30 ${chuo}`,
      B1: `moved 09:00 ${chuo}`,
      B2: `moved 09:00 ${chuo}`,
      B3: `moved 09:30 ${chuo}`,
      C1: `moved 15:30 ${chuo}`,
    });
  });

  it("cancels every booking of a suspended counter, naming the channels still open", () => {
    const bookings = before.slice(0, 5).map((s, i) => bookingIn(s, `S${i}`));
    const outcomes = reviewBookings({ bookings, slots: [], channels: juminhyoChannels(SUSPENDED), now, moveWithinMs: 3 * 86_400_000 });
    expect(outcomes.map((o) => o.outcome)).toEqual(Array(5).fill("cancelled"));
    expect(outcomes.every((o) => o.outcome === "cancelled" && o.alternatives.join() === "convenience_store")).toBe(true);

    const risai = bookingIn(slotsAt("中央区役所", NORMAL, "risai_home")[0], "R1");
    const [online] = reviewBookings({
      bookings: [risai],
      slots: [],
      channels: [
        { channel: "counter", level: SUSPENDED },
        { channel: "online", level: NORMAL },
      ],
      now,
      moveWithinMs: 0,
    });
    expect(online).toEqual({ code: "R1", outcome: "cancelled", alternatives: ["online"] });
    expect(crisisNotice(online, { serviceName: "り災証明書（住家）", officeName: "東区役所" })).toBe(
      "窓口の休止のため、り災証明書（住家）の予約を取り消しました。マイナポータルで申請できます。",
    );
  });

  it("moves to another ward office when its own has no free place, and cancels when no office has one", () => {
    const chuoOne = slotsAt("中央区役所", REDUCED).slice(0, 1);
    const higashi = slotsAt("東区役所", REDUCED);
    const bookings = ["D1", "D2", "D3", "D4"].map((c) => bookingIn(chuoOne[0], c));
    const outcomes = reviewBookings({
      bookings,
      slots: [...chuoOne, higashi[0]],
      channels: juminhyoChannels(REDUCED),
      now,
      moveWithinMs: 3 * 86_400_000,
    });
    expect(outcomes.map(where)).toEqual(["kept", "kept", `moved 08:30 ${higashi[0].officeId}`, `moved 08:30 ${higashi[0].officeId}`]);
    const more = [...bookings, bookingIn(chuoOne[0], "D5")];
    const full = reviewBookings({
      bookings: more,
      slots: [...chuoOne, higashi[0]],
      channels: juminhyoChannels(REDUCED),
      now,
      moveWithinMs: 3 * 86_400_000,
    });
    expect(full.at(-1)).toEqual({ code: "D5", outcome: "cancelled", alternatives: ["convenience_store"] });
  });

  it("never moves a booking to a slot that has begun or lies beyond the days allowed", () => {
    const nine = bookingIn(at(before, "09:00"), "E1");
    const begun = reviewBookings({
      bookings: [nine],
      slots: reduced.filter((s) => s.minute !== 540),
      channels: juminhyoChannels(REDUCED),
      now: at(before, "09:30").startMs,
      moveWithinMs: 3 * 86_400_000,
    });
    expect(where(begun[0])).toBe(`moved 10:00 ${nine.officeId}`);
    const tooFar = reviewBookings({ bookings: [nine], slots: [], channels: juminhyoChannels(SUSPENDED), now, moveWithinMs: 0 });
    expect(tooFar[0].outcome).toBe("cancelled");
  });

  it("gives every booking exactly one outcome, the same whatever order the bookings come in", () => {
    const bookings = before.flatMap((s, i) => ["a", "b", "c", "d"].map((c) => bookingIn(s, `${c}${i}`)));
    const review = { slots: reduced, channels: juminhyoChannels(REDUCED), now, moveWithinMs: 3 * 86_400_000 };
    const outcomes = reviewBookings({ ...review, bookings });
    const shuffled = reviewBookings({ ...review, bookings: [...bookings].reverse() });
    expect(outcomes.map((o) => o.code)).toEqual(bookings.map((b) => b.code));
    expect(new Map(shuffled.map((o) => [o.code, where(o)]))).toEqual(new Map(outcomes.map((o) => [o.code, where(o)])));
    const placed = new Map<string, number>();
    for (const o of outcomes) {
      const slotId = o.outcome === "moved" ? o.to.id : o.outcome === "kept" ? bookings.find((b) => b.code === o.code)!.slotId : undefined;
      if (slotId) placed.set(slotId, (placed.get(slotId) ?? 0) + 1);
    }
    for (const [id, n] of placed) expect(n).toBeLessThanOrEqual(reduced.find((s) => s.id === id)!.places);
    // 68 bookings, 14 slots of 2: 28 placed, 40 cancelled.
    expect(outcomes.filter((o) => o.outcome === "cancelled")).toHaveLength(40);
  });
});
