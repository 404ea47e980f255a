import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Department, StaffMember } from "../../domain/types";
import {
  departmentColumnsMissing,
  departmentsFromRows,
  missingColumns,
  staffFromRow,
  type DepartmentRow,
  type RosterProblem,
  type RosterRow,
} from "../../domain/roster/roster-rows";

export interface RosterImport {
  readonly staff: readonly StaffMember[];
  readonly problems: readonly RosterProblem[];
}

/** Rows with the line each ends on (the header is line 1), as csv-parse reports them. */
function records<T>(csv: string): { header: string[]; rows: { row: T; line: number }[] } {
  const parsed = parse(csv, { columns: true, skip_empty_lines: true, bom: true, info: true, relax_column_count: true, trim: true }) as {
    record: T;
    info: { lines: number };
  }[];
  const header = parse(csv, { bom: true, to_line: 1 }) as string[][];
  return { header: (header[0] ?? []).map((h) => h.trim()), rows: parsed.map((p) => ({ row: p.record, line: p.info.lines })) };
}

/** Reads a city's roster CSV: the good rows, and every bad one reported by its line. */
export function importRoster(csv: string, knownDepartments?: ReadonlySet<string>): RosterImport {
  const { header, rows } = records<RosterRow>(csv);
  const missing = missingColumns(header);
  if (missing.length > 0) return { staff: [], problems: missing };
  const seen = new Set<string>();
  const staff: StaffMember[] = [];
  const problems: RosterProblem[] = [];
  for (const { row, line } of rows) {
    const result = staffFromRow(row, line, seen, knownDepartments);
    if (result.staff) staff.push(result.staff);
    problems.push(...result.problems);
  }
  return { staff, problems };
}

/** Reads the departments CSV that goes with a roster (one row per department and level). */
export function importDepartments(csv: string): { departments: Department[]; problems: RosterProblem[] } {
  const { header, rows } = records<DepartmentRow>(csv);
  const missing = departmentColumnsMissing(header);
  if (missing.length > 0) return { departments: [], problems: missing };
  return departmentsFromRows(rows);
}

/** The city's own roster from its two files; staff of an unknown department are reported, not planned. */
export function loadRoster(rosterPath: string, departmentsPath: string) {
  const { departments, problems: departmentProblems } = importDepartments(readFileSync(departmentsPath, "utf8"));
  const { staff, problems } = importRoster(readFileSync(rosterPath, "utf8"), new Set(departments.map((d) => d.id)));
  return {
    roster: { staff, departments },
    problems: [
      ...departmentProblems.map((p) => ({ ...p, file: departmentsPath })),
      ...problems.map((p) => ({ ...p, file: rosterPath })),
    ],
  };
}
