import {
  FacilityCorrected,
  FacilityStatusChanged,
  PlaybookApplied,
  RestrictionScheduled,
  ServiceLevelChanged,
} from "@crisis/platform/contracts/events";
import { Clock } from "@crisis/platform/ports";
import { FacilityDecision } from "@crisis/platform/contracts/facilities";
import { CrowdingChanged, OccupancyReported } from "@crisis/platform/contracts/crowding";
import { CityBoard } from "../domain/city-board";
import { CrowdingSettings, ShelterOccupancy } from "../domain/occupancy";
import { Playbook } from "../domain/playbook";

/** Where the facilities service's events go (JetStream in production and in tests). */
export interface FacilityEvents {
  statusChanged(change: FacilityStatusChanged, correlationId: string): Promise<void>;
  playbookApplied(applied: PlaybookApplied, correlationId: string): Promise<void>;
  serviceLevelChanged(change: ServiceLevelChanged, correlationId: string): Promise<void>;
  restrictionScheduled(scheduled: RestrictionScheduled, correlationId: string): Promise<void>;
  facilityCorrected(corrected: FacilityCorrected, correlationId: string): Promise<void>;
}

/**
 * The service's own record of decisions, one subject per facility or service channel. A write names
 * the sequence it read; another writer in between makes it fail with DECISION_CONFLICT (409).
 */
export interface DecisionLog {
  record(decision: FacilityDecision, entityKey: string, expectedSeq: number, correlationId: string): Promise<number>;
}

/** What every facilities use case works with. */
export interface FacilitiesDeps {
  board: CityBoard;
  playbooks: Playbook[];
  events: FacilityEvents;
  decisions: DecisionLog;
  clock: Clock;
  newId: () => string;
  /** Every write (declarations, staff decisions, schedule ticks) runs through this, one at a time. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Where occupancy reports and crowding changes go (the CRISIS_SHELTER stream). */
export interface CrowdingEvents {
  occupancyReported(report: OccupancyReported, correlationId: string): Promise<void>;
  crowdingChanged(change: CrowdingChanged, correlationId: string): Promise<void>;
  suppliesExhausted(report: OccupancyReported, correlationId: string): Promise<void>;
}

/** What the crowding use cases work with: the board (capacity, open shelters) and the latest reports. */
export interface CrowdingDeps extends Pick<FacilitiesDeps, "board" | "clock" | "newId" | "exclusive"> {
  occupancy: ShelterOccupancy;
  events: CrowdingEvents;
  settings: CrowdingSettings;
  /** How many shelters with room a CrowdingChanged names. */
  nearestCount: number;
}
