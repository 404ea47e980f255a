import { z } from "zod";

/**
 * The city's local time, said once. Dates, hours and shown times are read in one time zone,
 * the setting CITY_TIME_ZONE (Kumamoto's by default), through `Intl`: no hand-written offsets,
 * so a zone with daylight saving works too. Every service sets the zone once at start; pure
 * code may also pass a zone explicitly.
 */
export const DEFAULT_CITY_TIME_ZONE = "Asia/Tokyo";

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** The setting, validated at start: an IANA zone name such as Asia/Tokyo. */
export const cityTimeZoneSetting = z
  .string()
  .default(DEFAULT_CITY_TIME_ZONE)
  .refine(isTimeZone, "must be an IANA time zone, e.g. Asia/Tokyo");

let current = DEFAULT_CITY_TIME_ZONE;

/** Called once at start with the validated setting. */
export function useCityTimeZone(zone: string): void {
  if (!isTimeZone(zone)) throw new Error(`CITY_TIME_ZONE: must be an IANA time zone, e.g. Asia/Tokyo (got "${zone}")`);
  current = zone;
}

export const cityTimeZone = (): string => current;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Offsets change at most on a quarter hour, so one lookup serves each quarter hour. */
const BUCKET_MS = 15 * MINUTE_MS;

const partsFormats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at instant `t`, in ms. */
export function cityOffsetMs(t: number, zone = current): number {
  const bucket = Math.floor(t / BUCKET_MS) * BUCKET_MS;
  const key = `${zone} ${bucket}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const parts: Record<string, number> = {};
  for (const p of partsFormat(zone).formatToParts(bucket)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = wall - bucket;
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The wall clock at `t` as a UTC date whose UTC fields read the city's local time. */
const wallClock = (t: number, zone: string) => new Date(t + cityOffsetMs(t, zone));

/** The city's date (YYYY-MM-DD) of an instant. */
export const cityDate = (t: number | Date, zone = current): string => wallClock(+t, zone).toISOString().slice(0, 10);

/** The city's hour of the day (0–23) at an instant. */
export const cityHour = (t: number | Date, zone = current): number => wallClock(+t, zone).getUTCHours();

const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");

/** RFC 3339 with seconds and the city's offset, e.g. 2026-07-29T09:00:00+09:00 (never "Z"). */
export function cityIso(t: number | Date, zone = current): string {
  const offsetMinutes = Math.round(cityOffsetMs(+t, zone) / MINUTE_MS);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${wallClock(+t, zone).toISOString().slice(0, 19)}${offset}`;
}

/** The instant a city date and minute of that day stand for (in a daylight-saving gap, the minute after it). */
export function cityInstant(date: string, minuteOfDay = 0, zone = current): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minuteOfDay * MINUTE_MS;
  const guess = wall - cityOffsetMs(wall, zone);
  return wall - cityOffsetMs(guess, zone);
}

/** The minute of the day a "HH:MM" clock time stands for. */
export const minuteOfDay = (clock: string): number => {
  const [hours, minutes] = clock.split(":").map(Number);
  return hours! * 60 + minutes!;
};

/** Calendar arithmetic on YYYY-MM-DD, which no zone affects. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const formats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(locale: string, options: Intl.DateTimeFormatOptions, zone: string): Intl.DateTimeFormat {
  const key = `${zone} ${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

/** Formats an instant as people in the city read it, in `locale`, with `Intl` options (the zone is the city's). */
export const formatCityTime = (t: number | Date, locale: string, options: Intl.DateTimeFormatOptions, zone = current): string =>
  cachedFormat(locale, options, zone).format(+t);

/** A span of two instants as people in the city read it (29/07/2026 09:30–10:00), the shared parts said once. */
export const formatCityTimeRange = (
  from: number | Date,
  to: number | Date,
  locale: string,
  options: Intl.DateTimeFormatOptions,
  zone = current,
): string => cachedFormat(locale, options, zone).formatRange(+from, +to);

/** A short name of the zone at `t` for English text: "JST" for Tokyo, "EST" for New York, else "GMT+9" style. */
export function cityZoneLabel(t: number | Date = Date.now(), zone = current): string {
  const names = ["en-US", "ja-JP"].map(
    (locale) =>
      cachedFormat(locale, { timeZoneName: "short" }, zone)
        .formatToParts(+t)
        .find((p) => p.type === "timeZoneName")?.value ?? zone,
  );
  return names.find((n) => !n.startsWith("GMT")) ?? names[0]!;
}
