import { AddRestrictionRequest } from "@crisis/platform/contracts/facilities";
import { facilityView, restrictionView } from "../domain/facility-view";
import { FacilitiesAdmin } from "./ports";

/** Staff restrict a facility's use; the answer is the restriction and the facility after it. */
export async function restrictFacility(facilities: FacilitiesAdmin, request: AddRestrictionRequest, correlationId: string) {
  const { restriction, facility } = await facilities.addRestriction(request, correlationId);
  return { ...restrictionView(restriction!), facility: facilityView(facility!) };
}

/** Ends a restriction now; it stays in the facility's history. */
export async function endFacilityRestriction(
  facilities: FacilitiesAdmin,
  facilityId: string,
  restrictionId: string,
  author: string,
  correlationId: string,
) {
  const { facility } = await facilities.endRestriction({ facilityId, restrictionId, author }, correlationId);
  return facilityView(facility!, true);
}
