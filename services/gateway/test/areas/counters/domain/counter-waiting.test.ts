import { FakeClock } from "@crisis/platform";
import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { CounterWaitingBoard } from "../../../../src/areas/counters/domain/counter-waiting";

describe("a counter's waiting figure", () => {
  it("carries stale: true once older than the set minutes, and a newer report makes it fresh again", () => {
    const clock = new FakeClock("2026-07-28T07:00:00Z");
    const board = new CounterWaitingBoard(15);
    board.apply(CounterWaitingReported.fromPartial({ serviceId: "risai", waiting: 9, reportedAt: clock.now().toISOString() }));
    clock.advance(15 * 60_000);
    expect(board.view("risai", clock.now().getTime())).toMatchObject({ waiting: 9, ageSeconds: 900, stale: false });
    clock.advance(1_000);
    expect(board.view("risai", clock.now().getTime())).toMatchObject({ waiting: 9, ageSeconds: 901, stale: true });
    board.apply(CounterWaitingReported.fromPartial({ serviceId: "risai", waiting: 4, reportedAt: clock.now().toISOString() }));
    expect(board.view("risai", clock.now().getTime())).toMatchObject({ waiting: 4, ageSeconds: 0, stale: false });
    expect(board.view("juminhyo", clock.now().getTime())).toBeNull();
  });
});
