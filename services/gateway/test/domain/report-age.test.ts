import { ageIn, minutesSince } from "../../src/domain/report-age";

const say = (key: "minutes" | "hoursMinutes", values: Record<string, number>) =>
  key === "minutes" ? `${values.n} 分` : `${values.h} 時間 ${values.m} 分`;

describe("a report's age", () => {
  it("says minutes below an hour, and hours with minutes from an hour on", () => {
    expect(ageIn(0, say)).toBe("0 分");
    expect(ageIn(25, say)).toBe("25 分");
    expect(ageIn(59, say)).toBe("59 分");
    expect(ageIn(60, say)).toBe("1 時間 0 分");
    expect(ageIn(59 * 60 + 57, say)).toBe("59 時間 57 分");
  });

  it("counts whole minutes, and a report from a clock a little ahead reads 0", () => {
    const now = Date.parse("2026-12-07T00:00:00Z");
    expect(minutesSince(now - 25 * 60_000 - 59_000, now)).toBe(25);
    expect(minutesSince(now + 30_000, now)).toBe(0);
  });
});
