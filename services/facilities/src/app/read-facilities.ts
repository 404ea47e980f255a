import { FacilityUse, ShelterOperation, distanceM } from "@crisis/platform/contracts";
import { Facility as FacilityMessage, ListFacilitiesRequest, ListFacilitiesResponse } from "@crisis/platform/contracts/facilities";
import { CityBoard } from "../domain/city-board";
import { FacilityRecord, conditionAt } from "../domain/condition";
import { errors } from "../domain/errors";

/** A facility as the API shows it: registry entry, effective use, shelter operation and combined status at t. */
export function facilityView(board: CityBoard, record: FacilityRecord, t: number, detail = false): FacilityMessage {
  const f = record.facility;
  const now = conditionAt(record, t);
  const announced = board.announcedOf(f.id);
  return {
    id: f.id,
    name: f.name,
    nameEn: f.nameEn ?? "",
    category: f.category,
    ward: f.ward,
    address: f.address,
    latitude: f.latitude,
    longitude: f.longitude,
    hours: f.hours ?? "",
    capacity: f.capacity,
    designatedShelter: f.designatedShelter,
    canShelter: f.canShelter,
    portalId: f.ids.portal ?? "",
    gsiId: f.ids.gsi ?? "",
    cityId: f.ids.city ?? "",
    status: now.status,
    use: now.use,
    shelter: now.shelter,
    reasons: now.reasons,
    statusReason: now.reasons[0] ?? "",
    statusSince: announced.lastChange?.changedAt ?? "",
    restrictions: detail ? record.restrictions : [],
    history: detail ? [...record.history].sort((a, b) => a.at.localeCompare(b.at)) : [],
  };
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString("base64url");
function decodeCursor(cursor: string): number {
  if (!cursor) return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw errors.cursorInvalid();
  return Number(m[1]);
}

/** Facilities matching the filters (ward, category, use, shelter operation, distance), nearest first when `near` is given; paged. */
export function listFacilities(board: CityBoard, req: ListFacilitiesRequest, t: number): ListFacilitiesResponse {
  const matches: { record: FacilityRecord; distance: number }[] = [];
  for (const record of board.records.values()) {
    const f = record.facility;
    if (req.ward && f.ward !== req.ward) continue;
    if (req.category && f.category !== req.category) continue;
    let distance = 0;
    if (req.hasNear) {
      if (!f.latitude && !f.longitude) continue;
      distance = distanceM(req.nearLatitude, req.nearLongitude, f.latitude, f.longitude);
      if (req.radiusM > 0 && distance > req.radiusM) continue;
    }
    if (req.use !== FacilityUse.FACILITY_USE_UNSPECIFIED || req.shelter !== ShelterOperation.SHELTER_OPERATION_UNSPECIFIED) {
      const c = conditionAt(record, t);
      if (req.use !== FacilityUse.FACILITY_USE_UNSPECIFIED && c.use !== req.use) continue;
      if (req.shelter !== ShelterOperation.SHELTER_OPERATION_UNSPECIFIED && c.shelter !== req.shelter) continue;
    }
    matches.push({ record, distance });
  }
  if (req.hasNear) matches.sort((a, b) => a.distance - b.distance);
  const offset = decodeCursor(req.cursor);
  const page = req.limit > 0 ? matches.slice(offset, offset + req.limit) : matches.slice(offset);
  const next = req.limit > 0 && offset + req.limit < matches.length ? encodeCursor(offset + req.limit) : "";
  return { facilities: page.map((m) => facilityView(board, m.record, t)), nextCursor: next, total: matches.length };
}

export function getFacility(board: CityBoard, id: string, t: number): FacilityMessage {
  const record = board.record(id);
  if (!record) throw errors.facilityNotFound(id);
  return facilityView(board, record, t, true);
}
