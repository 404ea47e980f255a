import { bandWithHysteresis } from "@crisis/platform/contracts";
import { CrowdingLevel } from "@crisis/platform/contracts/crowding";

/** Where the levels start, in percent of capacity, and how far below a threshold a level must fall to drop. */
export interface CrowdingThresholds {
  busyPercent: number;
  crowdedPercent: number;
  fullPercent: number;
  /** Hysteresis: a level is left downwards only this many points below its threshold. */
  marginPercent: number;
}

export const defaultThresholds: CrowdingThresholds = { busyPercent: 50, crowdedPercent: 70, fullPercent: 100, marginPercent: 5 };

/**
 * The crowding level of a headcount against a capacity. Rising is immediate; falling needs the
 * headcount to be more than `marginPercent` points below the threshold of the level it leaves, so a shelter at
 * 99–101 % does not flap between 混雑 and 満 with every report. Unknown capacity: unknown level.
 */
export function crowdingLevel(
  headcount: number,
  capacity: number | undefined,
  previous: CrowdingLevel,
  t: CrowdingThresholds = defaultThresholds,
): CrowdingLevel {
  if (!capacity || capacity <= 0) return CrowdingLevel.CROWDING_LEVEL_UNKNOWN;
  const percent = (headcount / capacity) * 100;
  const { CROWDING_LEVEL_OPEN: open } = CrowdingLevel;
  const before = previous >= open ? previous - open : undefined;
  return open + bandWithHysteresis(percent, [t.busyPercent, t.crowdedPercent, t.fullPercent], before, t.marginPercent);
}

/** Places left, never below 0; undefined when the capacity is unknown. */
export const roomLeft = (headcount: number, capacity: number | undefined) =>
  capacity && capacity > 0 ? Math.max(0, capacity - headcount) : undefined;

/** Thresholds that make sense: 0 < busy < crowded ≤ full, margin below the smallest gap. */
export function checkThresholds(t: CrowdingThresholds): CrowdingThresholds {
  if (!(t.busyPercent > 0 && t.busyPercent < t.crowdedPercent && t.crowdedPercent <= t.fullPercent))
    throw new Error(`crowding thresholds must rise: 0 < busy (${t.busyPercent}) < crowded (${t.crowdedPercent}) ≤ full (${t.fullPercent})`);
  if (t.marginPercent < 0 || t.marginPercent >= t.crowdedPercent - t.busyPercent)
    throw new Error(`the crowding margin (${t.marginPercent}) must be 0 or more and below the gap between busy and crowded`);
  return t;
}
