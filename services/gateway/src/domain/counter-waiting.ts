import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { toTokyo } from "./facility-view";

/** What a citizen sees of a counter's wait: the latest figure and how old it is. */
export interface CounterWaitingView {
  waiting: number | null;
  nextFreeSlot: string | null;
  reportedAt: string | null;
  ageSeconds: number;
}

/** The latest waiting figure of every counter service (a report never replaces a newer one). */
export class CounterWaitingBoard {
  private readonly latest = new Map<string, CounterWaitingReported>();

  apply(report: CounterWaitingReported): void {
    const had = this.latest.get(report.serviceId);
    if (!had || had.reportedAt <= report.reportedAt) this.latest.set(report.serviceId, report);
  }

  view(serviceId: string, now: number): CounterWaitingView | null {
    const r = this.latest.get(serviceId);
    if (!r) return null;
    return {
      waiting: r.waiting ?? null,
      nextFreeSlot: toTokyo(r.nextFreeSlot),
      reportedAt: toTokyo(r.reportedAt),
      ageSeconds: Math.max(0, Math.floor((now - Date.parse(r.reportedAt)) / 1000)),
    };
  }
}
