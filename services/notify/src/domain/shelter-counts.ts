import { FacilityStatusChanged } from "@crisis/platform/contracts/events";
import { isOpenShelter } from "./facility-reading";

/** Which shelters are open, per ward: what "開設中 17 か所" is counted from. Fed with every status change. */
export class ShelterCounts {
  private readonly open = new Map<string, Set<string>>();

  apply(change: FacilityStatusChanged): void {
    let ward = this.open.get(change.ward);
    if (!ward) this.open.set(change.ward, (ward = new Set()));
    if (isOpenShelter(change)) ward.add(change.facilityId);
    else ward.delete(change.facilityId);
  }

  openIn(ward: string): number {
    return this.open.get(ward)?.size ?? 0;
  }
}
