import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { Facility, FacilityState, ordinaryState } from "./facility";

type BoardEntry = FacilityState & { lastChange?: FacilityStatusChanged };

/** The projection: every registered facility with its effective status, built from status events. */
export class FacilityBoard {
  private readonly states = new Map<string, BoardEntry>();
  private readonly byId: Map<string, Facility>;

  constructor(readonly facilities: Facility[]) {
    this.byId = new Map(facilities.map((f) => [f.id, f]));
  }

  facility(id: string): Facility | undefined {
    return this.byId.get(id);
  }

  stateOf = (id: string): BoardEntry => this.states.get(id) ?? ordinaryState;

  apply(change: FacilityStatusChanged): void {
    if (!this.byId.has(change.facilityId)) return;
    this.states.set(change.facilityId, {
      status: change.status,
      reason: change.reason,
      since: change.changedAt,
      causeEventId: change.causeEventId,
      lastChange: change,
    });
  }
}
