import { Facility as FacilityMessage } from "@crisis/platform/contracts/facilities";
import { FacilityBoard } from "../domain/facility-board";
import { Facility } from "../domain/facility";
import { errors } from "../domain/errors";

export interface FacilityFilter {
  ward?: string;
  category?: string;
}

function view(board: FacilityBoard, f: Facility): FacilityMessage {
  const state = board.stateOf(f.id);
  return {
    ...f,
    status: state.status,
    statusReason: state.reason,
    statusSince: state.since,
  };
}

/** Every facility with its effective status, optionally for one ward or category. */
export function listFacilities(board: FacilityBoard, filter: FacilityFilter): FacilityMessage[] {
  return board.facilities
    .filter((f) => (!filter.ward || f.ward === filter.ward) && (!filter.category || f.category === filter.category))
    .map((f) => view(board, f));
}

export function getFacility(board: FacilityBoard, id: string): FacilityMessage {
  const facility = board.facility(id);
  if (!facility) throw errors.facilityNotFound(id);
  return view(board, facility);
}
