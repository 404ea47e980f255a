import { addDays as addCityDays, cityDate, cityInstant, cityIso } from "@crisis/platform/contracts";

/** Counters keep the city's time (CITY_TIME_ZONE, Japan's by default): dates and slot times are read there. */

export const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** The instant a city date and minute of the day stand for. */
export const japanInstant = (date: string, minuteOfDay: number) => cityInstant(date, minuteOfDay);

/** The city's date (YYYY-MM-DD) of an instant. */
export const japanDate = (t: number) => cityDate(t);

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const pad = (n: number) => String(n).padStart(2, "0");
export const hhmm = (minuteOfDay: number) => `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;

/** RFC 3339 with the city's offset (+09:00 in Kumamoto), as people there read it. */
export const japanIso = (date: string, minuteOfDay: number) => cityIso(cityInstant(date, minuteOfDay));

export const addDays = addCityDays;
