import { ShelterOperation } from "@crisis/platform/contracts";
import { ModeScope, facilityView } from "../../../domain/facility-view";
import { FacilitiesAdmin } from "../../../app/ports";

/** Staff open or close one shelter; the same state again is answered the same and changes nothing. */
export async function operateShelter(
  facilities: FacilitiesAdmin,
  id: string,
  state: "open" | "closed",
  reason: string,
  author: string,
  correlationId: string,
  mode: ModeScope,
) {
  const { facility, changed } = await facilities.setShelter(
    {
      facilityId: id,
      state: state === "open" ? ShelterOperation.SHELTER_OPERATION_OPEN : ShelterOperation.SHELTER_OPERATION_CLOSED,
      reason,
      author,
    },
    correlationId,
  );
  const view = facilityView(facility!, mode);
  return {
    id: view.id,
    name: view.name,
    ward: view.ward,
    state: view.shelter,
    status: view.status,
    reasons: view.reasons,
    reading: view.reading,
    changed,
  };
}
