import { Category, Ward, isCategory, isWard, wards } from "@crisis/platform/contracts";
import { Facility } from "./facility";

/** A bad row of one of the city's published lists, named by file and line. */
export class RegistryRowError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file} line ${line}: ${problem}`);
    this.name = "RegistryRowError";
  }
}

export type Row = Record<string, string | undefined>;

function ward(value: string | undefined, file: string, line: number): Ward {
  if (!value || !isWard(value)) throw new RegistryRowError(file, line, `ward "${value ?? ""}" is not one of ${wards.join(", ")}`);
  return value;
}

function coordinate(value: string | undefined): number {
  const n = Number(value);
  return !value || Number.isNaN(n) ? 0 : n;
}

/** A stated positive head count, or unknown (the portal writes 0 when it does not know). */
function capacity(value: string | undefined): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

const derivedCategory = (value: string | undefined): Category => (value && isCategory(value) ? value : "other");

/** kumamoto_city_shelters_master.csv: every row is a designated shelter. */
export function shelterFromRow(row: Row, line: number, file = "kumamoto_city_shelters_master.csv"): Facility {
  if (!row.shelter_id) throw new RegistryRowError(file, line, "shelter_id is empty");
  if (!row.name) throw new RegistryRowError(file, line, "name is empty");
  return {
    id: row.shelter_id,
    name: row.name,
    category: derivedCategory(row.category_derived),
    ward: ward(row.ward, file, line),
    address: row.address ?? "",
    latitude: coordinate(row.latitude),
    longitude: coordinate(row.longitude),
    // GSI's column mostly says whom a welfare shelter takes in (words); only a number is a capacity.
    capacity: capacity(row.portal_capacity_persons) ?? capacity(row.gsi_accepted_persons),
    designatedShelter: true,
    canShelter: true,
    ids: { gsi: row.gsi_common_id || undefined, portal: row.portal_shelter_id || undefined },
  };
}

/** kumamoto_city_portal_shelters.csv: the prefecture portal's shelters and evacuation sites in the city. */
export function portalShelterFromRow(row: Row, line: number, file = "kumamoto_city_portal_shelters.csv"): Facility {
  if (!row.portal_shelter_id) throw new RegistryRowError(file, line, "portal_shelter_id is empty");
  if (!row.shelter_name) throw new RegistryRowError(file, line, "shelter_name is empty");
  return {
    id: `portal:${row.portal_shelter_id}`,
    name: row.shelter_name,
    category: derivedCategory(row.category_derived),
    ward: ward(row.ward, file, line),
    address: row.address ?? "",
    latitude: coordinate(row.portal_latitude),
    longitude: coordinate(row.portal_longitude),
    capacity: capacity(row.portal_capacity_persons),
    designatedShelter: false,
    canShelter: true,
    ids: { portal: row.portal_shelter_id },
  };
}

/** kumamoto_city_libraries.csv: the city libraries. */
export function libraryFromRow(row: Row, line: number, file = "kumamoto_city_libraries.csv"): Facility {
  if (!row.library_id) throw new RegistryRowError(file, line, "library_id is empty");
  if (!row.name) throw new RegistryRowError(file, line, "name is empty");
  return {
    id: row.library_id,
    name: row.name,
    category: "library",
    ward: ward(row.ward, file, line),
    address: row.address ?? "",
    latitude: 0,
    longitude: 0,
    designatedShelter: false,
    canShelter: false,
    ids: {},
  };
}
