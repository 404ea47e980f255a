import { cityDate, cityHour } from "@crisis/platform/contracts";

/** One recorded waiting figure of a counter (what staff reported, and when). */
export interface WaitingSample {
  reportedAt: string;
  waiting: number;
}

/** The usual wait in one hour of the week, city time. */
export interface ExpectedHour {
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  /** 0–23: the hour that starts then. */
  hour: number;
  /** The median of the figures reported in that hour. */
  expected: number;
  samples: number;
}

export interface ExpectedWaiting {
  /** Hours of the week with enough reports, Monday first, then by hour. */
  hours: ExpectedHour[];
  /** "Usually quiet at …": the hours whose usual wait is below the median hour's, fewest waiting first. */
  quiet: ExpectedHour[];
  /** Reports that counted (inside the window). */
  samples: number;
}

export interface ExpectedWaitingRule {
  /** Only reports of the last this many weeks count: a counter's habits change with the seasons. */
  weeks: number;
  /** An hour with fewer reports than this says nothing "usual". */
  minSamples: number;
  /** At most this many quiet hours are named. */
  quietHours: number;
}

export const defaultExpectedWaitingRule: ExpectedWaitingRule = { weeks: 8, minSamples: 2, quietHours: 3 };

const weekMs = 7 * 86_400_000;

const weekdayOf = (t: number) => new Date(`${cityDate(t)}T00:00:00Z`).getUTCDay();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Monday first, as the city's calendars read. */
const weekOrder = (h: Pick<ExpectedHour, "weekday" | "hour">) => ((h.weekday + 6) % 7) * 24 + h.hour;

/**
 * A counter's expected wait per hour of the week, learned from its recorded waiting reports, as the
 * city's hand-made crowding calendars tell it: each report counts in the hour of the week (city time)
 * it was made in; an hour's usual wait is the median of its reports (one odd day does not move it).
 * Reports in the future of `now` or older than the window are left out.
 */
export function expectedWaiting(
  samples: readonly WaitingSample[],
  now: number,
  rule: ExpectedWaitingRule = defaultExpectedWaitingRule,
): ExpectedWaiting {
  const since = now - rule.weeks * weekMs;
  const byHour = new Map<number, { weekday: number; hour: number; figures: number[] }>();
  let counted = 0;
  for (const s of samples) {
    const t = Date.parse(s.reportedAt);
    if (!(t > since && t <= now)) continue;
    const slot = { weekday: weekdayOf(t), hour: cityHour(t) };
    const key = weekOrder(slot);
    const entry = byHour.get(key) ?? { ...slot, figures: [] };
    entry.figures.push(s.waiting);
    byHour.set(key, entry);
    counted++;
  }
  const hours = [...byHour.values()]
    .filter((h) => h.figures.length >= rule.minSamples)
    .map((h) => ({ weekday: h.weekday, hour: h.hour, expected: median(h.figures), samples: h.figures.length }))
    .sort((a, b) => weekOrder(a) - weekOrder(b));
  const typical = hours.length ? median(hours.map((h) => h.expected)) : 0;
  const quiet = hours
    .filter((h) => h.expected < typical)
    .sort((a, b) => a.expected - b.expected || weekOrder(a) - weekOrder(b))
    .slice(0, rule.quietHours);
  return { hours, quiet, samples: counted };
}
