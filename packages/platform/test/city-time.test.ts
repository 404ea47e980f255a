import {
  addDays,
  cityDate,
  cityHour,
  cityInstant,
  cityIso,
  cityTimeZone,
  cityZoneLabel,
  formatCityTime,
  useCityTimeZone,
} from "../src/contracts/city-time";
import { ConfigError, commonSettings, loadConfig } from "../src/config";
import { z } from "zod";

// 23:30 UTC on 28 July is already 29 July in Kumamoto: the date turns at local midnight, not UTC's.
const nearMidnightUtc = Date.parse("2026-07-28T23:30:00Z");

afterEach(() => useCityTimeZone("Asia/Tokyo"));

describe("city time", () => {
  it("reads an instant near midnight UTC in Kumamoto's time by default", () => {
    expect(cityTimeZone()).toBe("Asia/Tokyo");
    expect(cityDate(nearMidnightUtc)).toBe("2026-07-29");
    expect(cityHour(nearMidnightUtc)).toBe(8);
    expect(cityIso(nearMidnightUtc)).toBe("2026-07-29T08:30:00+09:00");
    expect(cityInstant("2026-07-29", 8 * 60 + 30)).toBe(nearMidnightUtc);
    expect(
      formatCityTime(nearMidnightUtc, "ja-JP", { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }),
    ).toBe("07/29 08:30");
    expect(cityZoneLabel(nearMidnightUtc)).toBe("JST");
  });

  it("follows another zone when the setting names one, daylight saving included", () => {
    useCityTimeZone("America/New_York");
    expect(cityDate(nearMidnightUtc)).toBe("2026-07-28");
    expect(cityHour(nearMidnightUtc)).toBe(19);
    expect(cityIso(nearMidnightUtc)).toBe("2026-07-28T19:30:00-04:00");
    expect(cityIso(Date.parse("2026-01-15T12:00:00Z"))).toBe("2026-01-15T07:00:00-05:00");
    expect(cityInstant("2026-07-28", 19 * 60 + 30)).toBe(nearMidnightUtc);
    expect(cityZoneLabel(nearMidnightUtc)).toBe("EDT");
  });

  it("takes a zone as a parameter without touching the setting", () => {
    expect(cityIso(nearMidnightUtc, "Europe/London")).toBe("2026-07-29T00:30:00+01:00");
    expect(cityIso(nearMidnightUtc)).toBe("2026-07-29T08:30:00+09:00");
  });

  it("adds calendar days across month ends", () => {
    expect(addDays("2026-07-31", 1)).toBe("2026-08-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("refuses an unknown zone at start, naming the variable", () => {
    const schema = z.object({ CITY_TIME_ZONE: commonSettings.CITY_TIME_ZONE });
    expect(loadConfig(schema, {}).CITY_TIME_ZONE).toBe("Asia/Tokyo");
    expect(() => loadConfig(schema, { CITY_TIME_ZONE: "Mars/Olympus" })).toThrow(ConfigError);
    expect(() => loadConfig(schema, { CITY_TIME_ZONE: "Mars/Olympus" })).toThrow(/CITY_TIME_ZONE: must be an IANA time zone/);
    expect(() => useCityTimeZone("Mars/Olympus")).toThrow(/CITY_TIME_ZONE/);
  });
});
