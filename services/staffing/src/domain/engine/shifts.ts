import type { Period } from "../types";

/** Labour rule: at least 11 hours between the end of one shift and the start of the next. */
export const REST_HOURS = 11;
export const HOUR_MS = 3_600_000;
const JST_OFFSET_MS = 9 * HOUR_MS;
const NIGHT_STEP_MS = HOUR_MS / 4;

/** A distinct shift window shared by all posts that start and end at the same moments. */
export interface Shift {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly hours: number;
  /** Touches 22:00–05:00 Japan time, which night-restricted staff may not work. */
  readonly night: boolean;
}

export function makeShift(index: number, start: number, end: number): Shift {
  return { index, start, end, hours: (end - start) / HOUR_MS, night: touchesNight(start, end) };
}

function touchesNight(start: number, end: number): boolean {
  for (let t = start; t < end; t += NIGHT_STEP_MS) {
    const hour = new Date(t + JST_OFFSET_MS).getUTCHours();
    if (hour >= 22 || hour < 5) return true;
  }
  return false;
}

/** Two shifts clash when they overlap or leave less than the rest period between them. */
export function clashes(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const rest = REST_HOURS * HOUR_MS;
  return a.start < b.end + rest && b.start < a.end + rest;
}

export function overlapsPeriod(period: Period, start: number, end: number): boolean {
  return period.start.getTime() < end && start < period.end.getTime();
}

/**
 * Groups of shifts that all clash with one another, maximal, so that "at most one shift per
 * group" is exactly the rest rule: shifts stretched by the rest period are intervals, and
 * intervals clash pairwise only if they share a point.
 */
export function clashGroups(shifts: readonly Shift[]): number[][] {
  const rest = REST_HOURS * HOUR_MS;
  const groups = shifts.map((at) => shifts.filter((s) => s.start <= at.start && at.start < s.end + rest).map((s) => s.index));
  const unique = [...new Map(groups.map((g) => [g.join(","), g])).values()];
  return unique.filter((g) => !unique.some((other) => other !== g && g.every((i) => other.includes(i))));
}

/** The most hours one person could work across these shifts while keeping the rest rule. */
export function mostRestedHours(shifts: readonly Shift[]): number {
  const sorted = [...shifts].sort((a, b) => a.end - b.end);
  const best: number[] = [];
  sorted.forEach((shift, i) => {
    const before = sorted.slice(0, i).map((s, j) => (clashes(s, shift) ? 0 : best[j]!));
    best.push(shift.hours + Math.max(0, ...before));
  });
  return Math.max(0, ...best);
}
