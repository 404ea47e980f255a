import { ChangeSource } from "@crisis/platform/contracts";
import { EndRestrictionRequest, EndRestrictionResponse, FacilityDecision } from "@crisis/platform/contracts/facilities";
import { errors } from "../domain/errors";
import { stopsAt } from "../domain/restriction";
import { announceCondition, facilityKey } from "./announce-condition";
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
  const decision = FacilityDecision.fromPartial({
    eventId: deps.newId(),
    facilityId: req.facilityId,
    decidedAt: now.toISOString(),
    decidedBy: req.author,
    reason: `ended: ${restriction.reason}`,
    restrictionEnded: restriction.id,
  });
  const key = facilityKey(req.facilityId);
  const seq = await deps.decisions.record(decision, key, deps.board.decisionSeq.get(key) ?? 0, correlationId);
  deps.board.recordDecision(decision, seq, key);
  await announceCondition(
    deps,
    req.facilityId,
    { eventId: `${decision.eventId}.status`, causeEventId: decision.eventId, source: ChangeSource.CHANGE_SOURCE_MANUAL, at: now },
    correlationId,
  );
  return { facility: getFacility(deps.board, req.facilityId, now.getTime()) };
}
