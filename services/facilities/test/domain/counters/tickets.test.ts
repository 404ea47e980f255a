import { ServiceLevel } from "@crisis/platform/contracts";
import {
  afterCall,
  aheadOf,
  emptyQueue,
  etaMinutes,
  minutesPerPerson,
  nearNumber,
  parseCounterId,
  takesTickets,
} from "../../../src/domain/counters/tickets";

const minute = 60_000;

describe("remote tickets' rules", () => {
  it("takes the setting until the counter has called twice, then the mean gap of its last 10 calls", () => {
    let queue = { ...emptyQueue(), issued: 30 };
    expect(minutesPerPerson(queue, 5)).toBe(5);
    queue = afterCall(queue, 1, 0);
    expect(minutesPerPerson(queue, 5)).toBe(5);
    // 11 more calls 2 minutes apart, the first ones 20 minutes apart: only the last 10 count.
    queue = afterCall(queue, 2, 20 * minute);
    for (let n = 3; n <= 12; n++) queue = afterCall(queue, n, 20 * minute + (n - 2) * 2 * minute);
    expect(queue.calls).toHaveLength(10);
    expect(minutesPerPerson(queue, 5)).toBeCloseTo(2);
  });

  it("counts the people ahead and the expected minutes until a number is called", () => {
    const queue = { issued: 20, called: 4, calls: [0, 3 * minute] };
    expect(aheadOf(10, queue)).toBe(5);
    expect(etaMinutes(10, queue, 5)).toBe(18);
    expect(aheadOf(3, queue)).toBe(0);
  });

  it("names the number that has exactly N ahead once a number is called", () => {
    expect(nearNumber(3, 5)).toBe(9);
    expect(aheadOf(nearNumber(3, 5), { issued: 20, called: 3, calls: [] })).toBe(5);
  });

  it("gives no tickets while suspended or online only", () => {
    expect(takesTickets(ServiceLevel.SERVICE_LEVEL_SUSPENDED)).toBe(false);
    expect(takesTickets(ServiceLevel.SERVICE_LEVEL_ONLINE_ONLY)).toBe(false);
    expect(takesTickets(ServiceLevel.SERVICE_LEVEL_REDUCED)).toBe(true);
  });

  it("reads a counter id as service and office key, nothing else", () => {
    expect(parseCounterId("juminhyo.city_4310010001")).toEqual({ serviceId: "juminhyo", officeKey: "city_4310010001" });
    expect(parseCounterId("juminhyo")).toBeUndefined();
    expect(parseCounterId("a.b.c")).toBeUndefined();
  });
});
