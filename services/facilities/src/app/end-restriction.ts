import { EndRestrictionRequest, EndRestrictionResponse } from "@crisis/platform/contracts/facilities";
import { errors } from "../domain/errors";
import { stopsAt } from "../domain/restriction";
import { decide } from "./decide";
import { FacilitiesDeps } from "./ports";
import { getFacility } from "./read-facilities";

/** Ends a restriction now (playbook or manual); it stays in the facility's history. */
export async function endRestriction(
  deps: FacilitiesDeps,
  req: EndRestrictionRequest,
  correlationId: string,
): Promise<EndRestrictionResponse> {
  const record = deps.board.record(req.facilityId);
  if (!record) throw errors.facilityNotFound(req.facilityId);
  const restriction = record.restrictions.find((r) => r.id === req.restrictionId);
  if (!restriction) throw errors.restrictionNotFound(req.restrictionId);
  const now = deps.clock.now();
  if (stopsAt(restriction) <= now.getTime()) throw errors.restrictionAlreadyEnded(req.restrictionId);
  await decide(
    deps,
    { facilityId: req.facilityId },
    { decidedBy: req.author, reason: `ended: ${restriction.reason}`, restrictionEnded: restriction.id },
    now,
    correlationId,
  );
  return { facility: getFacility(deps.board, req.facilityId, now.getTime()) };
}
