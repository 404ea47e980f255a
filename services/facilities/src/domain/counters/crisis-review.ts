import { ServiceLevel, insteadKeys, say } from "@crisis/platform/contracts";
import { Booking, isBookable } from "./booking";
import { SlotPlan } from "./slots";

export type ReviewOutcome =
  | { code: string; outcome: "kept" }
  | { code: string; outcome: "moved"; to: SlotPlan }
  | { code: string; outcome: "cancelled"; alternatives: string[] };

export interface BookingReview {
  /** Live bookings of one service channel whose visit has not begun. */
  bookings: readonly Booking[];
  /** The slots the level and hours give now, for every office of that channel and the days a move may reach. */
  slots: readonly SlotPlan[];
  /** The service's channels and their level now. */
  channels: readonly { channel: string; level: ServiceLevel }[];
  now: number;
  /** How far from its time a booking may be moved. */
  moveWithinMs: number;
}

/** The service's channels that need no visit time and are not suspended: what a cancelled booking names. */
export const openAlternatives = (channels: BookingReview["channels"]) =>
  channels
    .filter((c) => !isBookable(c.channel) && c.level !== ServiceLevel.SERVICE_LEVEL_SUSPENDED && Object.hasOwn(insteadKeys, c.channel))
    .map((c) => c.channel);

const startOf = (b: Booking) => Date.parse(b.startsAt);
const officeOf = (slotId: string) => slotId.split(".")[2];
const byMade = (a: Booking, b: Booking) => a.madeAt.localeCompare(b.madeAt) || a.code.localeCompare(b.code);

/**
 * Where each booking ends after the level or hours changed: kept in its slot while the slot still
 * has the place, else moved to the free slot nearest in time (the same office first, then another
 * office of the same channel), else cancelled naming the channels still open. The earliest-made
 * bookings keep their places first, then choose first. Every booking gets exactly one outcome, and
 * the same input gives the same outcomes.
 */
export function reviewBookings(review: BookingReview): ReviewOutcome[] {
  const slots = new Map(review.slots.filter((s) => s.startMs > review.now).map((s) => [s.id, s]));
  const used = new Map<string, number>();
  const free = (s: SlotPlan) => s.places - (used.get(s.id) ?? 0);
  const take = (s: SlotPlan) => used.set(s.id, (used.get(s.id) ?? 0) + 1);
  const order = [...review.bookings].sort(byMade);
  const outcomes = new Map<string, ReviewOutcome>();
  for (const b of order) {
    const slot = slots.get(b.slotId);
    if (!slot || free(slot) <= 0) continue;
    take(slot);
    outcomes.set(b.code, { code: b.code, outcome: "kept" });
  }
  const alternatives = openAlternatives(review.channels);
  for (const b of order) {
    if (outcomes.has(b.code)) continue;
    const to = nearestFree(b, [...slots.values()], free, review.moveWithinMs);
    if (to) take(to);
    outcomes.set(b.code, to ? { code: b.code, outcome: "moved", to } : { code: b.code, outcome: "cancelled", alternatives });
  }
  return review.bookings.map((b) => outcomes.get(b.code)!);
}

function nearestFree(b: Booking, slots: SlotPlan[], free: (s: SlotPlan) => number, withinMs: number): SlotPlan | undefined {
  const start = startOf(b);
  const office = officeOf(b.slotId);
  const rank = (s: SlotPlan) => [officeOf(s.id) === office ? 0 : 1, Math.abs(s.startMs - start), s.startMs];
  const candidates = slots.filter(
    (s) => s.serviceId === b.serviceId && s.channel === b.channel && free(s) > 0 && Math.abs(s.startMs - start) <= withinMs,
  );
  const compare = (x: SlotPlan, y: SlotPlan) => {
    const [a, c] = [rank(x), rank(y)];
    return a[0] - c[0] || a[1] - c[1] || a[2] - c[2] || x.id.localeCompare(y.id);
  };
  return candidates.sort(compare)[0];
}

/** What the holder is told, in Japanese: the notice kept on the booking, worded as the catalogue's push. */
export function crisisNotice(outcome: ReviewOutcome, booking: { serviceName: string; officeName: string }): string {
  if (outcome.outcome === "moved")
    return say("ja", "bookingMoved", {
      service: booking.serviceName,
      office: booking.officeName,
      time: `${outcome.to.startsAt.slice(0, 10)} ${outcome.to.startsAt.slice(11, 16)}`,
    });
  if (outcome.outcome === "cancelled")
    return say("ja", "bookingCancelled", { service: booking.serviceName, instead: insteadIn("ja", outcome.alternatives) }).trimEnd();
  return "";
}

/** The channels still open, as sentences of one language: what to do instead. */
export const insteadIn = (lang: "ja" | "en", channels: readonly string[]) =>
  channels.map((c) => say(lang, insteadKeys[c])).join(lang === "ja" ? "" : " ");
