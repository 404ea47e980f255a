import { ChangeSource } from "@crisis/platform/contracts";
import { AddRestrictionRequest, AddRestrictionResponse, FacilityDecision } from "@crisis/platform/contracts/facilities";
import { manualRestriction } from "../domain/decisions";
import { errors } from "../domain/errors";
import { announceCondition, facilityKey } from "./announce-condition";
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
  const decision = FacilityDecision.fromPartial({
    eventId: deps.newId(),
    facilityId: req.facilityId,
    decidedAt: now.toISOString(),
    decidedBy: req.author,
    reason: restriction.reason,
    restrictionAdded: restriction,
  });
  const key = facilityKey(req.facilityId);
  const seq = await deps.decisions.record(decision, key, deps.board.decisionSeq.get(key) ?? 0, correlationId);
  deps.board.recordDecision(decision, seq, key);
  if (Date.parse(restriction.startsAt) > now.getTime()) {
    const f = record.facility;
    await deps.events.restrictionScheduled(
      {
        eventId: `${restriction.id}.scheduled`,
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
      correlationId,
    );
  }
  await announceCondition(
    deps,
    req.facilityId,
    { eventId: `${decision.eventId}.status`, causeEventId: decision.eventId, source: ChangeSource.CHANGE_SOURCE_MANUAL, at: now },
    correlationId,
  );
  return { restriction, facility: getFacility(deps.board, req.facilityId, now.getTime()) };
}
