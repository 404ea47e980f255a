import { SetServiceLevelRequest } from "@crisis/platform/contracts/facilities";
import { serviceView } from "../../../domain/facility-view";
import { FacilitiesAdmin } from "../../../app/ports";

/** Staff set one counter service's level on one channel (now or for a window). */
export async function setServiceLevel(facilities: FacilitiesAdmin, request: SetServiceLevelRequest, correlationId: string) {
  const { service, changed } = await facilities.setServiceLevel(request, correlationId);
  return { ...serviceView(service!), changed };
}
