import { OccupancyReported } from "@crisis/platform/contracts/crowding";

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

/**
 * Occupancy per ward hour by hour, from the first report's hour to the hour of `now` (the last
 * `maxHours` of them): each shelter counts with its latest report before the hour's end.
 */
export function wardHours(reports: readonly OccupancyReported[], now: number, maxHours = 24 * 14): WardHour[] {
  const sorted = [...reports].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  if (!sorted.length) return [];
  const first = Math.floor(Date.parse(sorted[0].reportedAt) / hourMs) * hourMs;
  const last = Math.max(first, Math.floor(now / hourMs) * hourMs);
  const latest = new Map<string, OccupancyReported>();
  const rows: WardHour[] = [];
  let next = 0;
  for (let start = first; start <= last; start += hourMs) {
    for (; next < sorted.length && Date.parse(sorted[next].reportedAt) < start + hourMs; next++)
      latest.set(sorted[next].facilityId, sorted[next]);
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
