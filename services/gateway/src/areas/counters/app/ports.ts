import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";

/** The counters area's ports; main.ts fills them in. */

/** Counter waiting figures: published as events, the latest of each read back by every replica. */
export interface CounterWaitingLog {
  publish(report: CounterWaitingReported, correlationId: string): Promise<void>;
}
