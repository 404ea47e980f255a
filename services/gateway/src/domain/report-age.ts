/** Whole minutes from `at` to `now` (both in ms), never below zero: a clock a little ahead reads 0. */
export const minutesSince = (at: number, now: number): number => Math.max(0, Math.floor((now - at) / 60000));

/**
 * How old a report is, said with the caller's sayer (text, HTML with readings, a page's templates):
 * "25 分", or from an hour on "59 時間 57 分". Pure, so the pages and their scripts say it alike.
 */
export const ageIn = <T>(minutes: number, say: (key: "minutes" | "hoursMinutes", values: Record<string, number>) => T): T =>
  minutes < 60 ? say("minutes", { n: minutes }) : say("hoursMinutes", { h: Math.floor(minutes / 60), m: minutes % 60 });
