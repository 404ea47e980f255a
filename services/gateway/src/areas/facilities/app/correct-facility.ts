import { FacilityCorrection } from "@crisis/platform/contracts/facilities";
import { ModeScope, facilityView } from "../../../domain/facility-view";
import { FacilitiesAdmin } from "../../../app/ports";

/** A registry correction: its own event, never a re-announced opening. */
export async function correctFacility(
  facilities: FacilitiesAdmin,
  id: string,
  correction: FacilityCorrection,
  reason: string,
  author: string,
  correlationId: string,
  mode: ModeScope,
) {
  const { facility, fields } = await facilities.correct({ facilityId: id, correction, reason, author }, correlationId);
  return { fields, facility: facilityView(facility!, mode) };
}
