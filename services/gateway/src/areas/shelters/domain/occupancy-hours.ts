import { OccupancyReported, ShelterClosed } from "@crisis/platform/contracts/crowding";

/** A ward's shelters at the end of one hour: the latest report of each shelter that had reported by then. */
export interface WardHour {
  /** Start of the hour, UTC. */
  hour: string;
  ward: string;
  shelters: number;
  headcount: number;
  /** Sum of the known capacities of those shelters. */
  capacityKnown: number;
}

const hourMs = 3_600_000;

type Step = { at: number; report: OccupancyReported } | { at: number; closed: ShelterClosed };

/**
 * Occupancy per ward hour by hour, from the first report's hour to the hour of `now` (the last
 * `maxHours` of them): each shelter counts with its latest report before the hour's end, unless it
 * closed after that report (people are no longer there; a report after reopening counts again).
 */
export function wardHours(
  reports: readonly OccupancyReported[],
  now: number,
  closings: readonly ShelterClosed[] = [],
  maxHours = 24 * 14,
): WardHour[] {
  if (!reports.length) return [];
  // A closing at the same instant as a report comes after it.
  const sorted: Step[] = [
    ...reports.map((report) => ({ at: Date.parse(report.reportedAt), report })),
    ...closings.map((closed) => ({ at: Date.parse(closed.closedAt), closed })),
  ].sort((a, b) => a.at - b.at || ("closed" in a ? 1 : 0) - ("closed" in b ? 1 : 0));
  const first = Math.floor(Math.min(...reports.map((r) => Date.parse(r.reportedAt))) / hourMs) * hourMs;
  const last = Math.max(first, Math.floor(now / hourMs) * hourMs);
  const latest = new Map<string, OccupancyReported>();
  const rows: WardHour[] = [];
  let next = 0;
  for (let start = first; start <= last; start += hourMs) {
    for (; next < sorted.length && sorted[next].at < start + hourMs; next++) {
      const step = sorted[next];
      if ("report" in step) latest.set(step.report.facilityId, step.report);
      else latest.delete(step.closed.facilityId);
    }
    if (start <= last - maxHours * hourMs) continue;
    const byWard = new Map<string, WardHour>();
    for (const r of latest.values()) {
      const row = byWard.get(r.ward) ?? { hour: new Date(start).toISOString(), ward: r.ward, shelters: 0, headcount: 0, capacityKnown: 0 };
      row.shelters++;
      row.headcount += r.headcount;
      row.capacityKnown += r.capacity ?? 0;
      byWard.set(r.ward, row);
    }
    rows.push(...[...byWard.values()].sort((a, b) => a.ward.localeCompare(b.ward)));
  }
  return rows;
}
