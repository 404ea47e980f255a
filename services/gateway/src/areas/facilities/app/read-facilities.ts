import { ListFacilitiesRequest } from "@crisis/platform/contracts/facilities";
import { ModeScope, facilityView } from "../../../domain/facility-view";
import { FacilitiesAdmin } from "../../../app/ports";

/** A page of facilities matching the filters (anyone may read). */
export async function readFacilities(facilities: FacilitiesAdmin, query: ListFacilitiesRequest, correlationId: string, mode: ModeScope) {
  const page = await facilities.list(query, correlationId);
  return { total: page.total, nextCursor: page.nextCursor || null, facilities: page.facilities.map((f) => facilityView(f, mode)) };
}

/** One facility with its restrictions and history. */
export async function readFacility(facilities: FacilitiesAdmin, id: string, correlationId: string, mode: ModeScope) {
  return facilityView(await facilities.get(id, correlationId), mode, true);
}
