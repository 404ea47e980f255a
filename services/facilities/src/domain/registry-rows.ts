import { Category, Ward, isCategory, isWard, wards } from "@crisis/platform/contracts";
import { Facility } from "./facility";

/** Turns rows of the city's published lists into facilities; a bad row is named by its line. */
export class RegistryRowError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`${file} line ${line}: ${problem}`);
    this.name = "RegistryRowError";
  }
}

type Row = Record<string, string>;

function ward(value: string, file: string, line: number): Ward {
  if (!isWard(value)) throw new RegistryRowError(file, line, `ward "${value}" is not one of ${wards.join(", ")}`);
  return value;
}

function coordinate(value: string): number {
  const n = Number(value);
  return value === "" || Number.isNaN(n) ? 0 : n;
}

/** kumamoto_city_shelters_master.csv: every row is a designated shelter. */
export function shelterFromRow(row: Row, line: number, file = "kumamoto_city_shelters_master.csv"): Facility {
  if (!row.shelter_id) throw new RegistryRowError(file, line, "shelter_id is empty");
  if (!row.name) throw new RegistryRowError(file, line, "name is empty");
  const category: Category = isCategory(row.category_derived) ? row.category_derived : "other";
  return {
    id: row.shelter_id,
    name: row.name,
    category,
    ward: ward(row.ward, file, line),
    address: row.address ?? "",
    latitude: coordinate(row.latitude),
    longitude: coordinate(row.longitude),
    designatedShelter: true,
  };
}

/** kumamoto_city_libraries.csv: the city libraries. */
export function libraryFromRow(row: Row, line: number, file = "kumamoto_city_libraries.csv"): Facility {
  if (!row.library_id) throw new RegistryRowError(file, line, "library_id is empty");
  return {
    id: row.library_id,
    name: row.name,
    category: "library",
    ward: ward(row.ward, file, line),
    address: row.address ?? "",
    latitude: 0,
    longitude: 0,
    designatedShelter: false,
  };
}
