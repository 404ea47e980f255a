import { FacilityCorrection } from "@crisis/platform/contracts/facilities";
import { Facility } from "./facility";

/** The API names of the fields a correction really changes. */
export function correctedFields(facility: Facility, c: FacilityCorrection): string[] {
  const fields: string[] = [];
  if (c.name !== undefined && c.name !== facility.name) fields.push("name");
  if (c.nameEn !== undefined && c.nameEn !== facility.nameEn) fields.push("nameEn");
  if (c.address !== undefined && c.address !== facility.address) fields.push("address");
  if (c.latitude !== undefined && c.latitude !== facility.latitude) fields.push("latitude");
  if (c.longitude !== undefined && c.longitude !== facility.longitude) fields.push("longitude");
  if (c.hours !== undefined && c.hours !== facility.hours) fields.push("hours");
  if (c.capacity !== undefined && c.capacity !== facility.capacity) fields.push("capacity");
  return fields;
}

export function applyCorrection(facility: Facility, c: FacilityCorrection): Facility {
  return {
    ...facility,
    name: c.name ?? facility.name,
    nameEn: c.nameEn ?? facility.nameEn,
    address: c.address ?? facility.address,
    latitude: c.latitude ?? facility.latitude,
    longitude: c.longitude ?? facility.longitude,
    hours: c.hours ?? facility.hours,
    capacity: c.capacity ?? facility.capacity,
  };
}
