import { addDays, cityDate, cityInstant } from "@crisis/platform/contracts";
import type { Period } from "../types";

/** Labour rule: at least 11 hours between the end of one shift and the start of the next. */
export const REST_HOURS = 11;
export const HOUR_MS = 3_600_000;
/** Night in the city's time: from 22:00 to 05:00 the next morning. */
const NIGHT_START_MINUTE = 22 * 60;
const NIGHT_END_MINUTE = 5 * 60;

/** A distinct shift window shared by all posts that start and end at the same moments. */
export interface Shift {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly hours: number;
  /** Touches 22:00–05:00 in the city's time, which night-restricted staff may not work. */
  readonly night: boolean;
}

export function makeShift(index: number, start: number, end: number): Shift {
  return { index, start, end, hours: (end - start) / HOUR_MS, night: touchesNight(start, end) };
}

/**
 * Whether [start, end) overlaps any night, decided on the intervals themselves (not by
 * sampling, which misses a shift that only grazes the night between two samples): each city
 * day's night runs from its 22:00 to the next day's 05:00, and the nights that can overlap the
 * shift are those of the day before its start through the day of its end.
 */
export function touchesNight(start: number, end: number): boolean {
  const lastDay = cityDate(end);
  for (let day = addDays(cityDate(start), -1); day <= lastDay; day = addDays(day, 1)) {
    const nightStart = cityInstant(day, NIGHT_START_MINUTE);
    const nightEnd = cityInstant(addDays(day, 1), NIGHT_END_MINUTE);
    if (start < nightEnd && nightStart < end) return true;
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
