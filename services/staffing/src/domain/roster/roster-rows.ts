import { errors } from "../errors";
import { levelNames } from "@crisis/platform/contracts";
import {
  WARDS,
  type ContinuityFloor,
  type Department,
  type LevelName,
  type Period,
  type Skill,
  type StaffMember,
  type Ward,
} from "../types";

/**
 * Columns of a city's own roster. `skills` and `unavailable` hold several values separated by
 * `;`, an unavailable period is `start/end` in ISO 8601 (e.g. 2026-07-29T08:00+09:00/2026-07-30T08:00+09:00).
 */
export const ROSTER_COLUMNS = ["id", "name", "department", "ward", "skills", "can_work_nights", "max_hours", "unavailable"] as const;
/**
 * Columns a roster may leave out: `can_work_from_home` (yes/no), empty or absent meaning yes,
 * which team plans read (people who cannot stand by at home on their team's home days); `phone`,
 * the number a post lead is reached on (told to the people reporting to them).
 */
export const OPTIONAL_ROSTER_COLUMNS = ["can_work_from_home", "phone"] as const;
export type RosterRow = Readonly<Record<(typeof ROSTER_COLUMNS)[number], string>> &
  Partial<Readonly<Record<(typeof OPTIONAL_ROSTER_COLUMNS)[number], string>>>;

/** A bad row or header, by line in the file (the header is line 1), with the catalogue's code and field. */
export interface RosterProblem {
  readonly line: number;
  readonly code: string;
  readonly field?: string;
  readonly message: string;
}

const YES = new Set(["yes", "true", "1", "可"]);
const NO = new Set(["no", "false", "0", "不可"]);

const problem = (line: number, err: { code: string; field?: string; message: string }): RosterProblem => ({
  line,
  code: err.code,
  ...(err.field ? { field: err.field } : {}),
  message: err.message,
});

/** The header's missing columns, each as a problem on line 1. */
export function missingColumns(header: readonly string[]): RosterProblem[] {
  return ROSTER_COLUMNS.filter((c) => !header.includes(c)).map((c) => problem(1, errors.rosterColumnMissing(c)));
}

/**
 * One roster row as a staff member, or every problem it has (so a clerk fixes the file in one
 * pass). `seen` holds the ids of earlier rows; the row's id is added to it.
 */
export function staffFromRow(
  raw: RosterRow,
  line: number,
  seen: Set<string>,
  knownDepartments?: ReadonlySet<string>,
): { staff?: StaffMember; problems: RosterProblem[] } {
  const row = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, (raw[c] ?? "").trim()])) as RosterRow;
  const problems: RosterProblem[] = [];
  const bad = (field: string, why: string) => problems.push(problem(line, errors.rosterRowInvalid(line, field, why)));
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
  const home = (raw.can_work_from_home ?? "").trim().toLowerCase();
  if (home !== "" && !YES.has(home) && !NO.has(home)) bad("can_work_from_home", `"${raw.can_work_from_home}" should be yes, no or empty`);
  const unavailable = parsePeriods(row.unavailable);
  if (!unavailable) bad("unavailable", `"${row.unavailable}" should be start/end periods separated by ;`);
  if (row.id !== "") seen.add(row.id);
  if (problems.length > 0) return { problems };
  return {
    problems,
    staff: {
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
      ...(NO.has(home) ? { canWorkFromHome: false } : {}),
      ...(raw.phone?.trim() ? { phone: raw.phone.trim() } : {}),
    },
  };
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

/**
 * Columns of the departments file that goes with a roster: one row per department and mode
 * level, the people it keeps at their desks at that level, and its skill floors written
 * `保健師=4;手話=1`. A department with no row for a level releases no one at that level.
 */
export const DEPARTMENT_COLUMNS = ["id", "name", "level", "headcount", "skill_floors"] as const;
export type DepartmentRow = Readonly<Record<(typeof DEPARTMENT_COLUMNS)[number], string>>;

export function departmentColumnsMissing(header: readonly string[]): RosterProblem[] {
  return DEPARTMENT_COLUMNS.filter((c) => !header.includes(c)).map((c) => problem(1, errors.rosterColumnMissing(c)));
}

/** Folds department rows into departments with their floors per level, reporting bad rows by line. */
export function departmentsFromRows(rows: readonly { row: DepartmentRow; line: number }[]): {
  departments: Department[];
  problems: RosterProblem[];
} {
  const byId = new Map<string, { name: string; floors: Partial<Record<LevelName, ContinuityFloor>> }>();
  const problems: RosterProblem[] = [];
  for (const { row: raw, line } of rows) {
    const row = Object.fromEntries(DEPARTMENT_COLUMNS.map((c) => [c, (raw[c] ?? "").trim()])) as DepartmentRow;
    const before = problems.length;
    const bad = (field: string, why: string) => problems.push(problem(line, errors.rosterRowInvalid(line, field, why)));
    if (row.id === "") bad("id", "is empty");
    if (row.name === "") bad("name", "is empty");
    const level = row.level as LevelName;
    if (!levelNames.includes(level) || level === "normal") bad("level", `"${row.level}" is not one of watch alert emergency`);
    const headcount = Number(row.headcount);
    if (row.headcount === "" || !Number.isInteger(headcount) || headcount < 0)
      bad("headcount", `"${row.headcount}" should be a whole number`);
    const skills: Record<Skill, number> = {};
    for (const part of row.skill_floors.split(";").filter((p) => p.trim() !== "")) {
      const [skill, count] = part.split("=").map((s) => s.trim());
      const n = Number(count);
      if (!skill || !Number.isInteger(n) || n < 0) bad("skill_floors", `"${part}" should be skill=count`);
      else skills[skill] = n;
    }
    const entry = byId.get(row.id) ?? { name: row.name, floors: {} };
    if (entry.floors[level]) bad("level", `${row.id} has a floor for ${row.level} on an earlier line`);
    if (problems.length > before) continue;
    entry.floors[level] = { headcount, ...(Object.keys(skills).length > 0 ? { skills } : {}) };
    byId.set(row.id, entry);
  }
  return { departments: [...byId].map(([id, d]) => ({ id, name: d.name, floors: d.floors })), problems };
}
