/** An office's opening on the days it opens, in minutes after midnight (Japan time). */
export interface OfficeHours {
  /** 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>;
  opens: number;
  closes: number;
}

const weekdays = "日月火水木金土";
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Reads hours as the city writes them ("月火水木金 08:30-17:15 (土日祝・年末年始は閉庁)"): the weekday
 * characters, then the time span; a note in brackets is ignored. Hours it cannot read give undefined.
 */
export function parseOfficeHours(text: string | undefined): OfficeHours | undefined {
  const found = /^\s*([日月火水木金土]+)\s+(\d{2}:\d{2})-(\d{2}:\d{2})/.exec(text ?? "");
  if (!found) return undefined;
  const [, dayChars, opens, closes] = found;
  const hours = { days: new Set([...dayChars].map((c) => weekdays.indexOf(c))), opens: minutes(opens), closes: minutes(closes) };
  return hours.opens < hours.closes ? hours : undefined;
}
