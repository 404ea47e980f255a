import { expectedWaiting } from "../../../../src/areas/counters/domain/expected-waiting";

/** A report at a city time (Japan, +09:00). */
const report = (local: string, waiting: number) => ({ reportedAt: new Date(`${local}+09:00`).toISOString(), waiting });
const now = Date.parse("2026-07-31T18:00:00+09:00"); // a Friday evening

describe("expected waiting per hour of the week, from the recorded figures", () => {
  it("puts each report in its hour of the week in city time and takes the median, so one odd day does not move it", () => {
    const samples = [
      // Mondays 09:xx over three weeks: 12, 14 and one odd 40.
      report("2026-07-13T09:10:00", 12),
      report("2026-07-20T09:40:00", 14),
      report("2026-07-27T09:05:00", 40),
      // Tuesdays 14:xx: 2 and 4. 00:30 UTC on a Tuesday is 09:30 Tuesday in the city, not Monday.
      report("2026-07-21T14:00:00", 2),
      report("2026-07-28T14:59:00", 4),
      { reportedAt: "2026-07-28T00:30:00Z", waiting: 7 },
      { reportedAt: "2026-07-21T00:20:00Z", waiting: 9 },
    ];
    expect(expectedWaiting(samples, now).hours).toEqual([
      { weekday: 1, hour: 9, expected: 14, samples: 3 },
      { weekday: 2, hour: 9, expected: 8, samples: 2 },
      { weekday: 2, hour: 14, expected: 3, samples: 2 },
    ]);
  });

  it("leaves out hours with too few reports, reports older than the window and reports in the future", () => {
    const samples = [
      report("2026-07-29T10:00:00", 5), // one report only
      report("2026-05-04T11:00:00", 30), // 12 weeks ago
      report("2026-05-11T11:00:00", 30),
      report("2026-08-03T11:00:00", 30), // after now
      report("2026-07-27T11:00:00", 6),
      report("2026-07-20T11:30:00", 8),
    ];
    const result = expectedWaiting(samples, now, { weeks: 8, minSamples: 2, quietHours: 3 });
    expect(result.hours).toEqual([{ weekday: 1, hour: 11, expected: 7, samples: 2 }]);
    expect(result.samples).toBe(3);
  });

  it("names as quiet the hours below the typical hour's wait, fewest first, at most as many as asked", () => {
    const week = (day: string, hour: number, waiting: number) => [
      report(`2026-07-${day}T${String(hour).padStart(2, "0")}:15:00`, waiting),
      report(`2026-07-${Number(day) - 7}T${String(hour).padStart(2, "0")}:45:00`, waiting),
    ];
    const samples = [...week("27", 9, 20), ...week("27", 13, 3), ...week("28", 9, 15), ...week("28", 16, 1), ...week("29", 11, 10)];
    const { quiet } = expectedWaiting(samples, now, { weeks: 8, minSamples: 2, quietHours: 3 });
    expect(quiet.map((h) => [h.weekday, h.hour, h.expected])).toEqual([
      [2, 16, 1],
      [1, 13, 3],
    ]);
    expect(expectedWaiting(samples, now, { weeks: 8, minSamples: 2, quietHours: 1 }).quiet).toHaveLength(1);
  });

  it("names no quiet hour when every hour is as busy, or nothing was recorded", () => {
    const same = [
      report("2026-07-27T09:00:00", 5),
      report("2026-07-20T09:00:00", 5),
      report("2026-07-27T10:00:00", 5),
      report("2026-07-20T10:00:00", 5),
    ];
    expect(expectedWaiting(same, now).quiet).toEqual([]);
    expect(expectedWaiting([], now)).toEqual({ hours: [], quiet: [], samples: 0 });
  });
});
