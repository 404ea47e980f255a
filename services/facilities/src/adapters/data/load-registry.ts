import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { Facility } from "../../domain/facility";
import { libraryFromRow, shelterFromRow } from "../../domain/registry-rows";

function rows(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, bom: true });
}

/** Loads the city's facility registry from the data folder (the real Kumamoto lists by default). */
export function loadRegistry(dataDir: string): Facility[] {
  const shelters = rows(join(dataDir, "kumamoto_city_shelters_master.csv")).map((row, i) => shelterFromRow(row, i + 2));
  const libraries = rows(join(dataDir, "kumamoto_city_libraries.csv")).map((row, i) => libraryFromRow(row, i + 2));
  return [...shelters, ...libraries];
}
