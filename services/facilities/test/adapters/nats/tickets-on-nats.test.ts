import { randomBytes } from "node:crypto";
import { AppError, eventTypes } from "@crisis/platform/contracts";
import { TicketRecorded } from "@crisis/platform/contracts/counters";
import { ServiceLevelChanged } from "@crisis/platform/contracts/events";
import { FakeClock, decodeEvent, jetStreamPublisher, replaySubject, streams } from "@crisis/platform";
import { backboneForSuite } from "@crisis/platform/testing";
import { kvTicketStore } from "../../../src/adapters/nats/ticket-store";
import { TicketDeps } from "../../../src/app/counters/ticket-ports";
import { callNext, counterQueue, reviewTicketsAfter, takeTicket, ticketPosition } from "../../../src/app/counters/tickets";
import { onePerKey } from "../../../src/app/one-per-key";
import { codeFromBytes } from "../../../src/domain/counters/booking";
import { counterId } from "../../../src/domain/counters/tickets";
import { newBoard } from "../../city";
import { suspendJuminhyoCounter } from "../../counters";

describe("remote tickets on a real nats-server", () => {
  const nats = backboneForSuite("tickets-test", [streams.counter]);
  let deps: TicketDeps;
  // Wednesday 29 July 2026, 09:30 in Kumamoto.
  const clock = new FakeClock("2026-07-29T00:30:00Z");
  let ids = 0;
  let counter = "";

  const events = async (type: typeof eventTypes.ticketNeared) => {
    const found: TicketRecorded[] = [];
    await replaySubject(
      nats.backbone.js,
      nats.backbone.jsm,
      streams.counter.name,
      type.subject,
      (msg) => void found.push(decodeEvent(type, msg).event),
    );
    return found;
  };
  const refusal = (work: Promise<unknown>) =>
    work.then(
      () => undefined,
      (err: unknown) => (err instanceof AppError ? err : undefined),
    );

  beforeAll(async () => {
    const board = newBoard();
    deps = {
      board,
      clock,
      newId: () => `ev-${++ids}`,
      newCode: () => codeFromBytes(randomBytes(8)),
      perSlot: onePerKey(),
      events: jetStreamPublisher(nats.backbone.js),
      tickets: await kvTicketStore(nats.backbone.js, { replicas: 1 }),
      ticketSettings: { aheadWhenNear: 5, minutesPerPerson: 5 },
    };
    const office = [...board.records.values()].find((r) => r.facility.category === "ward_office")!;
    counter = counterId("juminhyo", office.facility.id);
  });
  it("gives each of many concurrent takers its own number, in one run 1..n", async () => {
    const taken = await Promise.all(Array.from({ length: 40 }, () => takeTicket(deps, counter, "take")));
    expect(taken.map((p) => p.ticket!.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await counterQueue(deps, counter)).issued).toBe(40);
  });

  it("calls numbers in order, tells each holder once when 5 are ahead (never late) and when called, and estimates from the recent calls", async () => {
    const before = await ticketPosition(deps, (await takeTicket(deps, counter, "take")).ticket!.code);
    expect(before.ahead).toBe(40);
    // No calls yet: the setting's 5 minutes per person.
    expect(before.etaMinutes).toBe(41 * 5);
    for (let i = 0; i < 10; i++) {
      clock.advance(3 * 60_000);
      const answer = await callNext(deps, counter, "call");
      expect(answer.called!.number).toBe(i + 1);
    }
    const queue = await counterQueue(deps, counter);
    expect(queue.nowServing).toBe(10);
    expect(queue.minutesPerPerson).toBeCloseTo(3);
    const mine = await ticketPosition(deps, before.ticket!.code);
    expect(mine.ahead).toBe(30);
    expect(mine.etaMinutes).toBe(31 * 3);

    const neared = await events(eventTypes.ticketNeared);
    // All 41 were taken before any call: as 1..10 were called, 7..16 in turn had exactly 5 ahead.
    expect(neared.map((e) => e.ticket!.number)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(neared.every((e) => e.ahead === 5 && e.nowServing === e.ticket!.number - 6)).toBe(true);
    const called = await events(eventTypes.ticketCalled);
    expect(called.map((e) => e.ticket!.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("refuses a ticket for a suspended counter with its own code and changes nothing, and cancels the waiting tickets once, naming the alternative", async () => {
    suspendJuminhyoCounter(deps.board, "d1", clock.now());
    const issued = (await counterQueue(deps, counter)).issued;
    const err = await refusal(takeTicket(deps, counter, "take"));
    expect(err?.code).toBe("COUNTER_SUSPENDED");
    expect(err?.status).toBe(409);
    expect((await counterQueue(deps, counter)).issued).toBe(issued);

    const cause = ServiceLevelChanged.fromPartial({ eventId: "d1", serviceId: "juminhyo", channel: "counter" });
    expect(await reviewTicketsAfter(deps, cause, "review")).toEqual({ cancelled: 31 });
    // A re-run (fail-over) cancels nothing more and its events carry the same ids.
    expect(await reviewTicketsAfter(deps, cause, "again")).toEqual({ cancelled: 0 });
    const cancelled = await events(eventTypes.ticketCancelled);
    expect(new Set(cancelled.map((e) => e.eventId)).size).toBe(31);
    expect(cancelled.every((e) => e.ticket!.alternatives.join() === "convenience_store")).toBe(true);
    expect(cancelled[0].ticket!.notice).toContain("コンビニで取得できます");
    // The desk passes over cancelled numbers: nobody is called.
    expect((await callNext(deps, counter, "call")).called).toBeUndefined();
  });

  it("refuses an unknown counter and an unknown ticket code with their own codes", async () => {
    expect((await refusal(takeTicket(deps, "juminhyo.nowhere", "take")))?.code).toBe("COUNTER_NOT_FOUND");
    expect((await refusal(ticketPosition(deps, "ZZZZZZZZ")))?.code).toBe("TICKET_NOT_FOUND");
  });
});
