import { FacilityUse } from "@crisis/platform/contracts";
import { Restriction } from "@crisis/platform/contracts/facilities";

const ms = (iso: string) => Date.parse(iso);

/** When a restriction stops applying: its planned end, or the moment it was ended early. */
export function stopsAt(r: Restriction): number {
  const ends = [r.endsAt, r.endedAt].filter(Boolean).map(ms);
  return ends.length ? Math.min(...ends) : Infinity;
}

/** Active at t: started, and neither over nor ended. */
export const isActive = (r: Restriction, t: number): boolean => ms(r.startsAt) <= t && t < stopsAt(r);

export interface EffectiveUse {
  use: FacilityUse;
  /** Every active reason, most restrictive first. */
  reasons: string[];
  active: Restriction[];
}

/** FacilityUse values grow with restriction (open < reduced hours < … < closed), so the largest wins. */
const moreRestrictiveFirst = (a: Restriction, b: Restriction) => b.kind - a.kind || a.startsAt.localeCompare(b.startsAt);

/** A facility's use at time t from its restrictions: the most restrictive active one wins, every active reason listed. */
export function effectiveUse(restrictions: readonly Restriction[], t: number): EffectiveUse {
  const active = restrictions.filter((r) => isActive(r, t)).sort(moreRestrictiveFirst);
  return {
    use: active[0]?.kind ?? FacilityUse.FACILITY_USE_OPEN,
    reasons: [...new Set(active.map((r) => r.reason))],
    active,
  };
}

/** The moments (ms) at which a restriction starts or stops applying. */
export function boundaries(r: Restriction): number[] {
  const stop = stopsAt(r);
  return Number.isFinite(stop) ? [ms(r.startsAt), stop] : [ms(r.startsAt)];
}
