import { ModeChanged } from "@crisis/platform/contracts/events";
import { Facility } from "@crisis/platform/contracts/facilities";
import { AlertReport } from "@crisis/platform/contracts/notify";

export interface CurrentMode {
  event?: ModeChanged;
  /** Sequence of the last mode event on its subject (0 when none): the optimistic-concurrency token. */
  seq: number;
}

export interface ModeLog {
  current(): Promise<CurrentMode>;
  /** Stores the event unless another declaration landed after `expectedSeq` (then MODE_CONFLICT). */
  append(event: ModeChanged, expectedSeq: number, correlationId: string): Promise<number>;
}

export interface FacilitiesDirectory {
  list(correlationId: string): Promise<Facility[]>;
}

/** Notify's delivery counts per alert. */
export interface AlertReports {
  read(alertId: string, correlationId: string): Promise<AlertReport>;
}
