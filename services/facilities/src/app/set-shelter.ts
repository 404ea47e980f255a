import { SetShelterRequest, SetShelterResponse } from "@crisis/platform/contracts/facilities";
import { shelterReason, shelterState } from "../domain/decisions";
import { errors } from "../domain/errors";
import { decide } from "./decide";
import { FacilitiesDeps } from "./ports";
import { getFacility } from "./read-facilities";

/**
 * Staff open or close one shelter. Their decision outlasts the playbook (an escalation does not reopen
 * a shelter they closed). The same state again stores nothing and publishes nothing.
 */
export async function setShelter(deps: FacilitiesDeps, req: SetShelterRequest, correlationId: string): Promise<SetShelterResponse> {
  const record = deps.board.record(req.facilityId);
  if (!record) throw errors.facilityNotFound(req.facilityId);
  if (!record.facility.canShelter) throw errors.cannotShelter(req.facilityId);
  const state = shelterState(req.state);
  const reason = shelterReason(req.reason);
  const now = deps.clock.now();
  if (deps.board.conditionAt(req.facilityId, now.getTime()).shelter === state)
    return { facility: getFacility(deps.board, req.facilityId, now.getTime()), changed: false };
  await decide(deps, { facilityId: req.facilityId }, { decidedBy: req.author, reason, shelter: state }, now, correlationId);
  return { facility: getFacility(deps.board, req.facilityId, now.getTime()), changed: true };
}
