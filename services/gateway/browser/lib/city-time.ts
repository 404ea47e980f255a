/** What every page gives its scripts: its language and the city's time zone (the gateway's setting). */
export interface PageBasics {
  lang: string;
  timeZone: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** Made on first use and kept: building a date format costs more than the rest of a page's start-up. */
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formats.get(key);
  if (!made) formats.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** The zone's short name for text outside Japanese: "JST" for Tokyo, else what Intl calls it ("GMT+9"). */
function zoneLabel(t: number, timeZone: string): string {
  const names = ["en-US", "ja-JP"].map(
    (locale) =>
      format(locale, { timeZone, timeZoneName: "short" })
        .formatToParts(t)
        .find((p) => p.type === "timeZoneName")?.value ?? timeZone,
  );
  return names.find((n) => !n.startsWith("GMT")) ?? names[0]!;
}

const japanese = (lang: string) => lang === "ja" || lang === "ja-x-easy";

/**
 * A stored UTC time as people in the city read it, as the server draws it: "2026/12/05 16:08",
 * "5 Dec 2026, 16:08 JST", "05/12/2026 16:08 JST"; the audit log wants the seconds too.
 */
export function cityTime(iso: string | null | undefined, page: PageBasics, seconds = false): string {
  if (!iso) return "";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "";
  const english = page.lang === "en";
  const locale = japanese(page.lang) ? "ja-JP" : english ? "en-GB" : page.lang;
  const text = format(locale, {
    timeZone: page.timeZone,
    year: "numeric",
    month: english ? "short" : "2-digit",
    day: english ? "numeric" : "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(seconds ? { second: "2-digit" } : {}),
  }).format(t);
  return japanese(page.lang) ? text : `${text} ${zoneLabel(t, page.timeZone)}`;
}

/** A clock time in the city (09:30), where the page already names the day. */
export const cityClock = (iso: string, page: PageBasics): string =>
  format(page.lang, { timeZone: page.timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(Date.parse(iso));
