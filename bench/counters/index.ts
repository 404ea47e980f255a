import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pino from "pino";
import { AppError, eventTypes } from "@crisis/platform/contracts";
import { TicketRecorded } from "@crisis/platform/contracts/counters";
import { FakeClock, connectBackbone, ensureStreams, jetStreamPublisher, streams } from "@crisis/platform";
import { startNatsServer } from "@crisis/platform/testing";
import { loadCounterServices } from "../../services/facilities/src/adapters/data/load-playbooks";
import { loadRegistry } from "../../services/facilities/src/adapters/data/load-registry";
import { kvBookingStore } from "../../services/facilities/src/adapters/nats/booking-store";
import { kvTicketStore } from "../../services/facilities/src/adapters/nats/ticket-store";
import { bookSlot } from "../../services/facilities/src/app/counters/book-slot";
import { slotsOf } from "../../services/facilities/src/app/counters/find-slots";
import { CounterDeps } from "../../services/facilities/src/app/counters/ports";
import { TicketDeps } from "../../services/facilities/src/app/counters/ticket-ports";
import { callNext, takeTicket } from "../../services/facilities/src/app/counters/tickets";
import { onePerKey } from "../../services/facilities/src/app/one-per-key";
import { CityBoard } from "../../services/facilities/src/domain/city-board";
import { codeFromBytes } from "../../services/facilities/src/domain/counters/booking";
import { addDays, weekdayOf } from "../../services/facilities/src/domain/counters/japan-time";
import { SlotPlan } from "../../services/facilities/src/domain/counters/slots";
import { counterId } from "../../services/facilities/src/domain/counters/tickets";

const BOOKINGS = 10_000;
const CLIENTS = 200;
const BASELINE_BOOKINGS = 1_000;
const TICKETS = 5_000;
const AHEAD = 5;
const PLACES_PER_SLOT = 10;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Weekdays from a date on, enough of them to hold `places` bookings of one service at the ward offices. */
function slotPool(deps: CounterDeps, from: string, places: number): SlotPlan[] {
  const pool: SlotPlan[] = [];
  for (let day = from; pool.length * PLACES_PER_SLOT < places; day = addDays(day, 1))
    if (weekdayOf(day) !== 0 && weekdayOf(day) !== 6) pool.push(...slotsOf(deps, "juminhyo", "counter", day));
  return pool;
}

/**
 * `clients` at once book until `count` bookings are made, each picking a time still open to it; a
 * SLOT_FULL answer closes that time for it and it picks another. Latency is per booking made.
 */
async function bookConcurrently(deps: CounterDeps, pool: SlotPlan[], count: number, clients: number) {
  const open = [...pool];
  let made = 0;
  let refused = 0;
  const latencies: number[] = [];
  const booked: { code: string; slotId: string }[] = [];
  const client = async (seed: number) => {
    let i = seed;
    while (made < count && open.length > 0) {
      i = (i * 1103515245 + 12345) & 0x7fffffff;
      const slot = open[i % open.length];
      const start = process.hrtime.bigint();
      try {
        const booking = await bookSlot(deps, slot.id, "bench");
        if (made >= count) continue;
        made++;
        latencies.push(ms(start));
        booked.push({ code: booking.code, slotId: booking.slotId });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== "SLOT_FULL") throw err;
        refused++;
        const at = open.indexOf(slot);
        if (at >= 0) open.splice(at, 1);
      }
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c + 1)));
  return { elapsedMs: ms(start), latencies: latencies.sort((a, b) => a - b), booked, refused };
}

/** Places given twice: a slot holding more codes than places, a code in two slots, a booking its slot does not hold. */
async function doubleBookings(deps: CounterDeps, pool: SlotPlan[], booked: { code: string; slotId: string }[]) {
  let doubles = 0;
  const slotOfCode = new Map<string, string>();
  for (const slot of pool) {
    const { codes } = await deps.store.holders(slot.id);
    doubles += Math.max(0, codes.length - slot.places);
    for (const code of codes) {
      if (slotOfCode.has(code)) doubles++;
      slotOfCode.set(code, slot.id);
    }
  }
  for (const b of booked) if (slotOfCode.get(b.code) !== b.slotId) doubles++;
  return doubles;
}

/** 10,000 bookings from 200 concurrent clients on a real nats-server, then 5,000 tickets issued and called. */
export async function run(): Promise<void> {
  const dataDir = join(__dirname, "..", "..", "data", "kumamoto");
  const board = new CityBoard(loadRegistry(dataDir).facilities, loadCounterServices(join(dataDir, "counter_services.yaml")));
  const nats = await startNatsServer();
  const logger = pino({ level: "silent" });
  const backbone = await connectBackbone(nats.url, "bench-counters", logger);
  try {
    await ensureStreams(backbone.jsm, [streams.counter]);
    // Wednesday 29 July 2026, 09:30 in Kumamoto: the bookings are for the weeks after.
    const clock = new FakeClock("2026-07-29T00:30:00Z");
    let ids = 0;
    const deps: CounterDeps = {
      board,
      store: await kvBookingStore(backbone.js, { replicas: 1 }),
      events: jetStreamPublisher(backbone.js),
      clock,
      newId: () => `bench-${++ids}`,
      newCode: () => codeFromBytes(randomBytes(8)),
      settings: { slotMinutes: 30, placesPerSlot: PLACES_PER_SLOT, retentionDays: 30, moveDays: 3 },
      perSlot: onePerKey(),
    };

    // The baseline: the simplest correct booking desk, one booking at a time.
    const baselinePool = slotPool(deps, "2026-08-03", BASELINE_BOOKINGS);
    const baseline = await bookConcurrently(deps, baselinePool, BASELINE_BOOKINGS, 1);
    const baselinePerS = (baseline.booked.length / baseline.elapsedMs) * 1000;

    // Ours: 200 clients at once, slots compare-and-set, writes to one slot queued per process.
    const pool = slotPool(deps, "2026-09-01", BOOKINGS);
    const ours = await bookConcurrently(deps, pool, BOOKINGS, CLIENTS);
    const perS = (ours.booked.length / ours.elapsedMs) * 1000;
    const doubles = (await doubleBookings(deps, pool, ours.booked)) + (await doubleBookings(deps, baselinePool, baseline.booked));

    // Tickets: 10 counters (two services at the five ward offices), issued by 200 clients, then called by 10 desks.
    const neared: { number: number; nowServing: number; ahead: number }[] = [];
    const published = jetStreamPublisher(backbone.js);
    const ticketDeps: TicketDeps = {
      board,
      clock,
      newId: deps.newId,
      newCode: deps.newCode,
      perSlot: onePerKey(),
      tickets: await kvTicketStore(backbone.js, { replicas: 1 }),
      events: {
        async publish(type, event, ids) {
          if (type.subject === eventTypes.ticketNeared.subject) {
            const recorded = event as TicketRecorded;
            neared.push({ number: recorded.ticket!.number, nowServing: recorded.nowServing, ahead: recorded.ahead });
          }
          await published.publish(type, event, ids);
        },
      },
      ticketSettings: { aheadWhenNear: AHEAD, minutesPerPerson: 5 },
    };
    const offices = [...board.records.values()].filter((r) => r.facility.category === "ward_office");
    const counters = ["juminhyo", "inkan"].flatMap((s) => offices.map((o) => counterId(s, o.facility.id)));
    let issued = 0;
    const issueStart = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = c; i < TICKETS; i += CLIENTS) {
          await takeTicket(ticketDeps, counters[i % counters.length], "bench");
          issued++;
        }
      }),
    );
    const issueMs = ms(issueStart);
    let called = 0;
    const callStart = process.hrtime.bigint();
    await Promise.all(
      counters.map(async (counter) => {
        for (;;) {
          clock.advance(1_000);
          const answer = await callNext(ticketDeps, counter, "bench");
          if (!answer.called) return;
          called++;
        }
      }),
    );
    const callMs = ms(callStart);
    // Late: told when fewer than N-1 were still ahead (more than one call after the "N ahead" moment).
    const late = neared.filter((n) => n.ahead < AHEAD - 1).length;
    const expectedNear = counters.length * (TICKETS / counters.length - AHEAD - 1);

    const rows: [string, string, string][] = [
      [
        `bookings (${BOOKINGS} by ${CLIENTS} clients; baseline ${BASELINE_BOOKINGS} one at a time)`,
        `${perS.toFixed(0)} /s`,
        `${baselinePerS.toFixed(0)} /s`,
      ],
      [
        "booking p50 / p99",
        `${percentile(ours.latencies, 50).toFixed(1)} / ${percentile(ours.latencies, 99).toFixed(1)} ms`,
        `${percentile(baseline.latencies, 50).toFixed(1)} / ${percentile(baseline.latencies, 99).toFixed(1)} ms`,
      ],
      ["SLOT_FULL refusals (clear, nothing changed)", String(ours.refused), String(baseline.refused)],
      ["double bookings", String(doubles), ""],
      [`tickets issued (${counters.length} counters, ${CLIENTS} clients)`, `${issued} in ${(issueMs / 1000).toFixed(1)} s`, ""],
      ["tickets called (one desk per counter)", `${called} in ${(callMs / 1000).toFixed(1)} s`, ""],
      [`"${AHEAD} ahead" pushes (late / expected)`, `${neared.length} (${late} late / ${expectedNear})`, ""],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\ncounters — real nats-server, JetStream KV compare-and-set; baseline books one at a time\n`);
    console.log(`${"".padEnd(width)}  ${"ours".padStart(22)}  ${"baseline".padStart(22)}`);
    for (const [k, a, b] of rows) console.log(`${k.padEnd(width)}  ${a.padStart(22)}  ${b.padStart(22)}`);
    console.log(
      JSON.stringify({
        bench: "counters",
        bookings: ours.booked.length,
        clients: CLIENTS,
        bookings_per_s: +perS.toFixed(1),
        booking_p50_ms: +percentile(ours.latencies, 50).toFixed(2),
        booking_p99_ms: +percentile(ours.latencies, 99).toFixed(2),
        slot_full_refusals: ours.refused,
        double_bookings: doubles,
        baseline_bookings_per_s: +baselinePerS.toFixed(1),
        tickets_issued: issued,
        tickets_issued_per_s: +((issued / issueMs) * 1000).toFixed(1),
        tickets_called: called,
        tickets_called_per_s: +((called / callMs) * 1000).toFixed(1),
        ahead_pushes: neared.length,
        ahead_pushes_expected: expectedNear,
        late_ahead_pushes: late,
        ratio: +(perS / baselinePerS).toFixed(1),
      }),
    );
  } finally {
    await backbone.nc.drain();
    await nats.stop();
  }
}
