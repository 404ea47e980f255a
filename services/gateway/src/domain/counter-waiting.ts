import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { toCityTime } from "./facility-view";

/** What a citizen sees of a counter's wait: the latest figure, how old it is, and whether too old to trust. */
export interface CounterWaitingView {
  waiting: number | null;
  nextFreeSlot: string | null;
  reportedAt: string | null;
  ageSeconds: number;
  stale: boolean;
}

/** The latest waiting figure of every counter service (a report never replaces a newer one). */
export class CounterWaitingBoard {
  private readonly latest = new Map<string, CounterWaitingReported>();

  /** @param staleMinutes a figure older than this is shown as out of date. */
  constructor(private readonly staleMinutes = 60) {}

  /** True when the report is now the latest of its service. */
  apply(report: CounterWaitingReported): boolean {
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
}
