/** Counters keep Japan time (UTC+9, no daylight saving): dates and slot times are read there. */
const offsetMs = 9 * 3_600_000;

export const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** The instant a Japan-time date and minute of the day stand for. */
export const japanInstant = (date: string, minuteOfDay: number) => Date.parse(`${date}T00:00:00Z`) - offsetMs + minuteOfDay * 60_000;

/** The Japan-time date (YYYY-MM-DD) of an instant. */
export const japanDate = (t: number) => new Date(t + offsetMs).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday, of a Japan-time date. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const pad = (n: number) => String(n).padStart(2, "0");
export const hhmm = (minuteOfDay: number) => `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;

/** RFC 3339 with +09:00, as people in Kumamoto read it. */
export const japanIso = (date: string, minuteOfDay: number) => `${date}T${hhmm(minuteOfDay)}:00+09:00`;

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
