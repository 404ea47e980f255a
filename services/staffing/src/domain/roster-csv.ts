import { STAFFING_ERRORS, type StaffingErrorCode } from "./errors";
import { WARDS, type Period, type StaffMember, type Ward } from "./types";

/**
 * Columns of a city's own roster. `skills` and `unavailable` hold several values separated by
 * `;`, an unavailable period is `start/end` in ISO 8601 (e.g. 2026-07-29T08:00+09:00/2026-07-30T08:00+09:00).
 */
export const ROSTER_COLUMNS = ["id", "name", "department", "ward", "skills", "can_work_nights", "max_hours", "unavailable"] as const;

export interface RosterProblem {
  /** Line in the file, counting the header as line 1. */
  readonly line: number;
  readonly code: StaffingErrorCode;
  readonly message: string;
}

export interface RosterImport {
  readonly staff: readonly StaffMember[];
  readonly problems: readonly RosterProblem[];
}

const YES = new Set(["yes", "true", "1", "可"]);
const NO = new Set(["no", "false", "0", "不可"]);

/** Reads the good rows and reports every bad one by line, so a clerk can fix the file in one pass. */
export function importRoster(csv: string, knownDepartments?: ReadonlySet<string>): RosterImport {
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.trim());
  const missing = ROSTER_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return {
      staff: [],
      problems: missing.map((c) => ({ line: 1, code: "ROSTER_COLUMN_MISSING", message: STAFFING_ERRORS.ROSTER_COLUMN_MISSING.message(c) })),
    };
  }
  const staff: StaffMember[] = [];
  const problems: RosterProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((text, i) => {
    if (i === 0 || text.trim() === "") return;
    const line = i + 1;
    const cells = splitCsvLine(text);
    const row = Object.fromEntries(header.map((h, c) => [h, (cells[c] ?? "").trim()])) as Record<(typeof ROSTER_COLUMNS)[number], string>;
    const bad = (field: string, why: string) =>
      problems.push({ line, code: "ROSTER_ROW_INVALID", message: STAFFING_ERRORS.ROSTER_ROW_INVALID.message(line, field, why) });
    const before = problems.length;
    if (row.id === "") bad("id", "is empty");
    else if (seen.has(row.id)) bad("id", `"${row.id}" appears on an earlier line`);
    if (row.name === "") bad("name", "is empty");
    if (row.department === "") bad("department", "is empty");
    else if (knownDepartments && !knownDepartments.has(row.department)) bad("department", `"${row.department}" is not a known department`);
    if (!WARDS.includes(row.ward as Ward)) bad("ward", `"${row.ward}" is not one of ${WARDS.join(" ")}`);
    const nights = row.can_work_nights.toLowerCase();
    if (!YES.has(nights) && !NO.has(nights)) bad("can_work_nights", `"${row.can_work_nights}" should be yes or no`);
    const maxHours = row.max_hours === "" ? undefined : Number(row.max_hours);
    if (maxHours !== undefined && !(maxHours > 0)) bad("max_hours", `"${row.max_hours}" should be a positive number of hours or empty`);
    const unavailable = parsePeriods(row.unavailable);
    if (!unavailable) bad("unavailable", `"${row.unavailable}" should be start/end periods separated by ;`);
    seen.add(row.id);
    if (problems.length > before) return;
    staff.push({
      id: row.id,
      name: row.name,
      department: row.department,
      ward: row.ward as Ward,
      skills: row.skills
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean),
      canWorkNights: YES.has(nights),
      ...(maxHours !== undefined ? { maxHours } : {}),
      unavailable: unavailable ?? [],
    });
  });
  return { staff, problems };
}

function parsePeriods(text: string): Period[] | undefined {
  const periods: Period[] = [];
  for (const part of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [from, to, extra] = part.split("/");
    const start = new Date(from ?? "");
    const end = new Date(to ?? "");
    if (extra !== undefined || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) return undefined;
    periods.push({ start, end });
  }
  return periods;
}

/** RFC 4180 fields on one line: quotes around a field allow commas, and "" stands for a quote. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
