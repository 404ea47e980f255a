import { eventTypes } from "@crisis/platform/contracts";
import { AddRestrictionRequest, AddRestrictionResponse } from "@crisis/platform/contracts/facilities";
import { manualRestriction } from "../domain/decisions";
import { errors } from "../domain/errors";
import { decide } from "./decide";
import { FacilitiesDeps } from "./ports";
import { getFacility } from "./read-facilities";

/** Staff restrict a facility's use (now or in a future window); a future one is announced as scheduled. */
export async function addRestriction(
  deps: FacilitiesDeps,
  req: AddRestrictionRequest,
  correlationId: string,
): Promise<AddRestrictionResponse> {
  const record = deps.board.record(req.facilityId);
  if (!record) throw errors.facilityNotFound(req.facilityId);
  const now = deps.clock.now();
  const restriction = manualRestriction(req, deps.newId(), now);
  const f = record.facility;
  const scheduled = async () => {
    if (Date.parse(restriction.startsAt) <= now.getTime()) return;
    const eventId = `${restriction.id}.scheduled`;
    await deps.events.publish(
      eventTypes.restrictionScheduled,
      {
        eventId,
        facilityId: f.id,
        facilityName: f.name,
        category: f.category,
        ward: f.ward,
        restrictionId: restriction.id,
        use: restriction.kind,
        reason: restriction.reason,
        startsAt: restriction.startsAt,
        endsAt: restriction.endsAt,
      },
      { eventId, correlationId },
    );
  };
  await decide(
    deps,
    { facilityId: req.facilityId },
    { decidedBy: req.author, reason: restriction.reason, restrictionAdded: restriction },
    now,
    correlationId,
    { first: scheduled },
  );
  return { restriction, facility: getFacility(deps.board, req.facilityId, now.getTime()) };
}
