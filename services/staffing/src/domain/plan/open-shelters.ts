import { FacilityStatus, ShelterOperation, isWard, wards, type Ward } from "@crisis/platform/contracts";
import type { FacilityStatusChanged } from "@crisis/platform/contracts/events";

/** A shelter that facilities published as open: staffing plans its operation posts. */
export interface OpenShelter {
  readonly id: string;
  readonly name: string;
  readonly ward: Ward;
  /** Where staff report: the street address and place (0 when unknown), as facilities published them. */
  readonly address?: string;
  readonly latitude?: number;
  readonly longitude?: number;
}

/**
 * The shelters open right now, per ward, as facilities published them: facilities alone
 * decides which shelters a mode opens, staffing follows. Applying the same event twice, or an
 * older event after a newer one (a redelivery after a replay), changes nothing.
 */
export class OpenShelters {
  private readonly open = new Map<string, OpenShelter>();
  private readonly lastChange = new Map<string, number>();

  /** True when the set of open shelters changed. */
  apply(event: FacilityStatusChanged): boolean {
    const at = Date.parse(event.changedAt);
    const last = this.lastChange.get(event.facilityId);
    if (last !== undefined && !(at >= last)) return false;
    if (!Number.isNaN(at)) this.lastChange.set(event.facilityId, at);
    // Events from before the use/shelter split carry only the combined status.
    const opened =
      event.shelter === ShelterOperation.SHELTER_OPERATION_UNSPECIFIED
        ? event.status === FacilityStatus.FACILITY_STATUS_SHELTER_OPEN
        : event.shelter === ShelterOperation.SHELTER_OPERATION_OPEN;
    const was = this.open.get(event.facilityId);
    if (opened && isWard(event.ward)) {
      const shelter = {
        id: event.facilityId,
        name: event.facilityName,
        ward: event.ward,
        address: event.address,
        latitude: event.latitude,
        longitude: event.longitude,
      };
      this.open.set(event.facilityId, shelter);
      return !was || was.name !== shelter.name || was.ward !== shelter.ward;
    }
    return this.open.delete(event.facilityId);
  }

  /** Ward by ward (in the vocabulary's order), then by facility id: a stable order for stable plans. */
  list(): OpenShelter[] {
    return [...this.open.values()].sort(
      (a, b) => wards.indexOf(a.ward) - wards.indexOf(b.ward) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  }

  perWard(): Record<Ward, number> {
    const counts = Object.fromEntries(wards.map((w) => [w, 0])) as Record<Ward, number>;
    for (const s of this.open.values()) counts[s.ward]++;
    return counts;
  }
}
