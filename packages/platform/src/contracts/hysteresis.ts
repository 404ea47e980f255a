/**
 * The band a figure is in among rising thresholds (0 below the first, k at or above the k-th), with
 * hysteresis: rising is immediate; falling needs the figure more than `margin` below the threshold of
 * the band it leaves, so a figure hovering at a threshold does not flap with every report. Without
 * a previous band (the first reading) it is the band the figure is in. Crowding levels and the
 * "fewer than N waiting" notices both follow this one rule.
 */
export function bandWithHysteresis(value: number, thresholds: readonly number[], previous: number | undefined, margin: number): number {
  const bandAt = (v: number) => thresholds.filter((t) => v >= t).length;
  const raw = bandAt(value);
  if (previous === undefined || raw >= previous) return raw;
  return Math.min(previous, bandAt(value + margin));
}
