import { eventTypes } from "@crisis/platform/contracts";
import { CorrectFacilityRequest, CorrectFacilityResponse, FacilityDecision } from "@crisis/platform/contracts/facilities";
import { correctedFields } from "../domain/correction";
import { checkCorrection } from "../domain/decisions";
import { errors } from "../domain/errors";
import { decide } from "./decide";
import { CrowdingDeps, FacilitiesDeps } from "./ports";
import { getFacility } from "./read-facilities";
import { rerateShelter } from "./report-occupancy";

/**
 * Corrects the registry. A correction is its own event (FacilityCorrected) and never a status change,
 * so fixing a shelter's address does not tell anyone again that it opened. The same values again change nothing.
 * A new capacity re-rates an open shelter's crowding at once (with `crowding`), not at its next report.
 */
export async function correctFacility(
  deps: FacilitiesDeps,
  req: CorrectFacilityRequest,
  correlationId: string,
  crowding?: CrowdingDeps,
): Promise<CorrectFacilityResponse> {
  const record = deps.board.record(req.facilityId);
  if (!record) throw errors.facilityNotFound(req.facilityId);
  const correction = checkCorrection(req.correction ?? {});
  const fields = correctedFields(record.facility, correction);
  const now = deps.clock.now();
  if (!fields.length) return { facility: getFacility(deps.board, req.facilityId, now.getTime()), fields };
  const levelBefore = crowding?.occupancy.levelOf(req.facilityId);
  const corrected = async (decision: FacilityDecision) => {
    const f = deps.board.record(req.facilityId)!.facility;
    const eventId = `${decision.eventId}.corrected`;
    await deps.events.publish(
      eventTypes.facilityCorrected,
      {
        eventId,
        facilityId: f.id,
        facilityName: f.name,
        ward: f.ward,
        fields,
        correctedBy: req.author,
        correctedAt: now.toISOString(),
        reason: req.reason,
      },
      { eventId, correlationId },
    );
    if (crowding && levelBefore !== undefined && fields.includes("capacity"))
      await rerateShelter(crowding, f.id, levelBefore, decision.eventId, correlationId);
  };
  await decide(deps, { facilityId: req.facilityId }, { decidedBy: req.author, reason: req.reason, correction }, now, correlationId, {
    instead: corrected,
  });
  return { facility: getFacility(deps.board, req.facilityId, now.getTime()), fields };
}
