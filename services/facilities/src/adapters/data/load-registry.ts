import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { Facility } from "../../domain/facility";
import { checkPublicFacilityHeader, publicFacilityFromRow } from "../../domain/public-facility-rows";
import { mergeByIds, mergeByName } from "../../domain/registry-merge";
import { RegistryRowError, Row, libraryFromRow, portalShelterFromRow, shelterFromRow } from "../../domain/registry-rows";

/** Every row of one of the city's UTF-8 lists read by `fromRow`; a bad row goes to `rejected` and is skipped. */
function rows(path: string, fromRow: (row: Row, line: number) => Facility, rejected: RegistryRowError[]): Facility[] {
  const records: Row[] = parse(readFileSync(path, "utf8"), { columns: true, skip_empty_lines: true, bom: true });
  return records.flatMap((row, i) => {
    try {
      return [fromRow(row, i + 2)];
    } catch (err) {
      if (!(err instanceof RegistryRowError)) throw err;
      rejected.push(err);
      return [];
    }
  });
}

/** UTF-8 when the bytes are valid UTF-8, else Shift_JIS (the city's older files). */
export function decodeCityText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return iconv.decode(bytes, "Shift_JIS");
  }
}

export interface ImportReport {
  facilities: Facility[];
  /** Rows skipped, each named by file and line. */
  rejected: RegistryRowError[];
}

/** Reads one 公共施設一覧 CSV (UTF-8 or Shift_JIS, any header variant); a bad row is reported and skipped. */
export function importPublicFacilities(bytes: Buffer, file: string): ImportReport {
  const records: { record: Row; info: { lines: number } }[] = parse(decodeCityText(bytes), {
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim());
      checkPublicFacilityHeader(names, file);
      return names;
    },
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  });
  const report: ImportReport = { facilities: [], rejected: [] };
  for (const { record, info } of records) {
    try {
      report.facilities.push(publicFacilityFromRow(record, info.lines, file));
    } catch (err) {
      if (!(err instanceof RegistryRowError)) throw err;
      report.rejected.push(err);
    }
  }
  return report;
}

export interface LoadedRegistry {
  facilities: Facility[];
  rejected: RegistryRowError[];
}

/**
 * The city's registry from the data folder: the designated shelters merged with the prefecture
 * portal's list (one facility per building), the libraries, then every 公共施設一覧 CSV in the
 * folder (`public_facilities*.csv`, or the files named) joined by name.
 */
export function loadRegistry(dataDir: string, publicFacilityFiles?: string[]): LoadedRegistry {
  const rejected: RegistryRowError[] = [];
  const shelters = rows(join(dataDir, "kumamoto_city_shelters_master.csv"), shelterFromRow, rejected);
  const portal = rows(join(dataDir, "kumamoto_city_portal_shelters.csv"), portalShelterFromRow, rejected);
  const libraries = rows(join(dataDir, "kumamoto_city_libraries.csv"), libraryFromRow, rejected);
  const files =
    publicFacilityFiles ??
    readdirSync(dataDir)
      .filter((f) => /^public_facilities.*\.csv$/.test(f))
      .map((f) => join(dataDir, f));
  let facilities = mergeByIds(shelters, portal, libraries);
  for (const path of files) {
    const report = importPublicFacilities(readFileSync(path), basename(path));
    facilities = mergeByName(facilities, report.facilities);
    rejected.push(...report.rejected);
  }
  return { facilities, rejected };
}
