import { AddRestrictionRequest } from "@crisis/platform/contracts/facilities";
import { ModeScope, facilityView, restrictionView } from "../../../domain/facility-view";
import { FacilitiesAdmin } from "../../../app/ports";

/** Staff restrict a facility's use; the answer is the restriction and the facility after it. */
export async function restrictFacility(
  facilities: FacilitiesAdmin,
  request: AddRestrictionRequest,
  correlationId: string,
  mode: ModeScope,
) {
  const { restriction, facility } = await facilities.addRestriction(request, correlationId);
  return { ...restrictionView(restriction!), facility: facilityView(facility!, mode) };
}

/** Ends a restriction now; it stays in the facility's history. */
export async function endFacilityRestriction(
  facilities: FacilitiesAdmin,
  facilityId: string,
  restrictionId: string,
  author: string,
  correlationId: string,
  mode: ModeScope,
) {
  const { facility } = await facilities.endRestriction({ facilityId, restrictionId, author }, correlationId);
  return facilityView(facility!, mode, true);
}
