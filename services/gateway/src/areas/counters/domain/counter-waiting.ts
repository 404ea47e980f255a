import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { WaitingSample } from "./expected-waiting";
import { toCityTime } from "../../../domain/facility-view";

/** What a citizen sees of a counter's wait: the latest figure, how old it is, and whether too old to trust. */
export interface CounterWaitingView {
  waiting: number | null;
  nextFreeSlot: string | null;
  reportedAt: string | null;
  ageSeconds: number;
  stale: boolean;
}

/**
 * The latest waiting figure of every counter service (a report never replaces a newer one), and
 * every headcount reported, which the expected wait per hour of the week is learned from.
 */
export class CounterWaitingBoard {
  private readonly latest = new Map<string, CounterWaitingReported>();
  private readonly recorded = new Map<string, WaitingSample[]>();

  /** @param staleMinutes a figure older than this is shown as out of date. */
  constructor(private readonly staleMinutes = 60) {}

  /** True when the report is now the latest of its service. */
  apply(report: CounterWaitingReported): boolean {
    if (report.waiting !== undefined) {
      const samples = this.recorded.get(report.serviceId) ?? [];
      samples.push({ reportedAt: report.reportedAt, waiting: report.waiting });
      this.recorded.set(report.serviceId, samples);
    }
    const had = this.latest.get(report.serviceId);
    if (had && had.reportedAt > report.reportedAt) return false;
    this.latest.set(report.serviceId, report);
    return true;
  }

  view(serviceId: string, now: number): CounterWaitingView | null {
    const r = this.latest.get(serviceId);
    if (!r) return null;
    const ageSeconds = Math.max(0, Math.floor((now - Date.parse(r.reportedAt)) / 1000));
    return {
      waiting: r.waiting ?? null,
      nextFreeSlot: toCityTime(r.nextFreeSlot),
      reportedAt: toCityTime(r.reportedAt),
      ageSeconds,
      stale: ageSeconds > this.staleMinutes * 60,
    };
  }

  /** Every headcount reported for the service, in the order received. */
  samples(serviceId: string): readonly WaitingSample[] {
    return this.recorded.get(serviceId) ?? [];
  }
}
