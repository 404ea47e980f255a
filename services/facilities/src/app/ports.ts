import { Clock, EventPublisher } from "@crisis/platform/ports";
import { FacilityDecision } from "@crisis/platform/contracts/facilities";
import { CityBoard } from "../domain/city-board";
import { CrowdingSettings, ShelterOccupancy } from "../domain/occupancy";
import { Playbook } from "../domain/playbook";

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
  /** Where the service's events go (JetStream in production and in tests). */
  events: EventPublisher;
  decisions: DecisionLog;
  clock: Clock;
  newId: () => string;
  /** Every write (declarations, staff decisions, schedule ticks) runs through this, one at a time. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>;
}

/** What the crowding use cases work with: the board (capacity, open shelters) and the latest reports. */
export interface CrowdingDeps extends Pick<FacilitiesDeps, "board" | "clock" | "newId" | "exclusive" | "events"> {
  occupancy: ShelterOccupancy;
  settings: CrowdingSettings;
  /** How many shelters with room a CrowdingChanged names. */
  nearestCount: number;
}
