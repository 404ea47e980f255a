import { AppError, eventTypes } from "@crisis/platform/contracts";
import { ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { Booking, bookingRecorded, isBookable, isCancelled } from "../../domain/counters/booking";
import { ReviewOutcome, crisisNotice, openAlternatives, reviewBookings } from "../../domain/counters/crisis-review";
import { addDays, japanDate } from "../../domain/counters/japan-time";
import { SlotPlan } from "../../domain/counters/slots";
import { atSlot } from "./book-slot";
import { slotsOf } from "./find-slots";
import { releasePlace, takePlace } from "./places";
import { CounterDeps } from "./ports";

export interface ReviewSummary {
  kept: number;
  moved: number;
  cancelled: number;
}

/** One event per booking and cause: a re-run after a fail-over publishes the same id, which JetStream drops. */
export const crisisEventId = (causeId: string, code: string) => `${causeId}.booking.${code}`;

async function publishChange(deps: CounterDeps, causeId: string, booking: Booking, previousSlotId: string, correlationId: string) {
  const recorded = bookingRecorded(crisisEventId(causeId, booking.code), booking, previousSlotId, booking.changedAt);
  const ids = { eventId: recorded.eventId, correlationId };
  if (booking.crisisChange === "moved") await deps.events.publish(eventTypes.bookingChanged, recorded, ids);
  else await deps.events.publish(eventTypes.bookingCancelled, recorded, ids);
}

/** The days a move may reach from the bookings' days, from today on. */
function reachableDays(bookings: Booking[], today: string, moveDays: number): string[] {
  const days = new Set<string>();
  for (const b of bookings)
    for (let d = -moveDays; d <= moveDays; d++) {
      const day = addDays(b.startsAt.slice(0, 10), d);
      if (day >= today) days.add(day);
    }
  return [...days].sort();
}

/**
 * After a service channel's level changed, every live booking of it still to come is kept, moved
 * to the nearest free slot or cancelled naming the channels still open; each moved or cancelled
 * holder's booking is rewritten and one event published for it. Places are freed before any is
 * taken, so moves between slots that both shrank cannot block each other.
 */
export async function reviewBookingsAfter(deps: CounterDeps, cause: ServiceLevelChanged, correlationId: string): Promise<ReviewSummary> {
  const summary = { kept: 0, moved: 0, cancelled: 0 };
  const def = deps.board.serviceDefs.get(cause.serviceId);
  if (!def || !isBookable(cause.channel)) return summary;
  const now = deps.clock.now().getTime();
  const all = (await Promise.all((await deps.store.bookingCodes()).map((c) => deps.store.booking(c)))).filter(
    (b): b is Booking => b !== undefined && b.serviceId === cause.serviceId && b.channel === cause.channel,
  );
  // Already changed by this cause in a run cut short: publish again (same id, so at most once stored).
  for (const b of all.filter((b) => b.crisisCauseId === cause.eventId && b.crisisChange))
    await publishChange(deps, cause.eventId, b, "", correlationId);
  const live = all.filter((b) => !isCancelled(b) && Date.parse(b.startsAt) > now);
  const moveDays = deps.settings.moveDays;
  const slots = reachableDays(live, japanDate(now), moveDays).flatMap((day) => slotsOf(deps, cause.serviceId, cause.channel, day));
  const outcomes = reviewBookings({
    bookings: live,
    slots,
    channels: def.channels.map((channel) => ({ channel, level: deps.board.levelAt(cause.serviceId, channel, now).level })),
    now,
    moveWithinMs: moveDays * 86_400_000,
  });
  const byCode = new Map(live.map((b) => [b.code, b]));
  for (const o of outcomes) if (o.outcome !== "kept") await releasePlace(deps, byCode.get(o.code)!.slotId, o.code);
  for (const o of outcomes) {
    summary[o.outcome]++;
    if (o.outcome === "kept") continue;
    const booking = byCode.get(o.code)!;
    const ended = o.outcome === "moved" ? await moveOrCancel(deps, booking, o.to, def.channels) : o;
    await recordCrisisChange(deps, cause.eventId, booking, ended, correlationId);
    if (ended !== o) {
      summary.moved--;
      summary.cancelled++;
    }
  }
  return summary;
}

/** Takes the chosen place; if someone booked it in the meantime, the booking is cancelled instead. */
async function moveOrCancel(deps: CounterDeps, booking: Booking, to: SlotPlan, channels: string[]): Promise<ReviewOutcome> {
  try {
    await takePlace(deps, to.id, to.places, booking.code);
    return { code: booking.code, outcome: "moved", to };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "SLOT_FULL") throw err;
    const now = deps.clock.now().getTime();
    const open = channels.map((channel) => ({ channel, level: deps.board.levelAt(booking.serviceId, channel, now).level }));
    return { code: booking.code, outcome: "cancelled", alternatives: openAlternatives(open) };
  }
}

async function recordCrisisChange(deps: CounterDeps, causeId: string, booking: Booking, o: ReviewOutcome, correlationId: string) {
  const changedAt = deps.clock.now().toISOString();
  const common = { changedAt, crisisCauseId: causeId };
  const next: Booking =
    o.outcome === "moved"
      ? { ...booking, ...atSlot(deps, o.to), ...common, crisisChange: "moved", alternatives: [], notice: "" }
      : {
          ...booking,
          ...common,
          status: "cancelled",
          crisisChange: "cancelled",
          alternatives: o.outcome === "cancelled" ? o.alternatives : [],
        };
  next.notice = crisisNotice(o, next);
  await deps.store.putBooking(next);
  await publishChange(deps, causeId, next, booking.slotId, correlationId);
}
