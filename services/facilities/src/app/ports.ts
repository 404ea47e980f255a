import { FacilityStatusChanged, PlaybookApplied } from "@crisis/platform";

/** Where the facilities service's events go (JetStream in production and in tests). */
export interface FacilityEvents {
  statusChanged(change: FacilityStatusChanged, correlationId: string): Promise<void>;
  playbookApplied(applied: PlaybookApplied, correlationId: string): Promise<void>;
}
