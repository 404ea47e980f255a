import { ListFacilitiesRequest } from "@crisis/platform/contracts/facilities";
import { facilityView } from "../domain/facility-view";
import { FacilitiesAdmin } from "./ports";

/** A page of facilities matching the filters (anyone may read). */
export async function readFacilities(facilities: FacilitiesAdmin, query: ListFacilitiesRequest, correlationId: string) {
  const page = await facilities.list(query, correlationId);
  return { total: page.total, nextCursor: page.nextCursor || null, facilities: page.facilities.map((f) => facilityView(f)) };
}

/** One facility with its restrictions and history. */
export async function readFacility(facilities: FacilitiesAdmin, id: string, correlationId: string) {
  return facilityView(await facilities.get(id, correlationId), true);
}
