import { addDays, cityDate } from "@crisis/platform/contracts";

/**
 * The office/home rota of a department's teams: on each day one team is at the office and the
 * others work from home, taking turns day by day or week by week from the rota's first day.
 * When a team is out, its office days fall to the next team in turn that is not (the fallback);
 * with every team out, no one is.
 */
export function officeTeam(
  dayIndex: number,
  teams: number,
  unit: "day" | "week",
  out: ReadonlySet<number> = new Set(),
): number | undefined {
  // Days before the first day take their turn too (a rota applied from tomorrow is read today).
  const base = ((Math.floor(dayIndex / (unit === "week" ? 7 : 1)) % teams) + teams) % teams;
  for (let step = 0; step < teams; step++) {
    const t = (base + step) % teams;
    if (!out.has(t)) return t;
  }
  return undefined;
}

/** Days (0-based from the rota's first day) within `days` on which `team` is at the office. */
export function officeDays(
  team: number,
  days: number,
  teams: number,
  unit: "day" | "week",
  out: ReadonlySet<number> = new Set(),
): number[] {
  const list: number[] = [];
  for (let d = 0; d < days; d++) if (officeTeam(d, teams, unit, out) === team) list.push(d);
  return list;
}

const DAY_MS = 86_400_000;

/** The city's date (YYYY-MM-DD) `dayIndex` days after `first`. */
export const rotaDate = (first: string, dayIndex: number): string => addDays(first, dayIndex);

/** Which rota day (0-based) an instant falls on, in the city's time. */
export function rotaDayOf(first: string, at: Date): number {
  return Math.round((Date.parse(cityDate(at)) - Date.parse(first)) / DAY_MS);
}
