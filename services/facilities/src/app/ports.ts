import { FacilityStatusChanged, PlaybookApplied } from "@crisis/platform/contracts/events";

/** Where the facilities service's events go (JetStream in production and in tests). */
export interface FacilityEvents {
  statusChanged(change: FacilityStatusChanged, correlationId: string): Promise<void>;
  playbookApplied(applied: PlaybookApplied, correlationId: string): Promise<void>;
}
