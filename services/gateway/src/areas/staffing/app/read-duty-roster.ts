import { spreadsheetCsv } from "@crisis/platform/contracts";
import { toCityTime } from "../../../domain/facility-view";
import { DutyDesk } from "./ports";
import { dutyView } from "./read-staff-duties";

/** Each person with an emergency duty in force: their duty now and next, and the minutes served so far. */
export async function readDutyRoster(desk: DutyDesk, correlationId: string) {
  const { entries } = await desk.roster(correlationId);
  return {
    staff: entries.map((e) => ({
      staffId: e.staffId,
      name: e.name,
      department: e.department,
      current: e.current ? dutyView(e.current) : null,
      next: e.next ? dutyView(e.next) : null,
      state: e.state,
      minutesOnDuty: e.minutesOnDuty,
    })),
  };
}

const columns = [
  "staffId",
  "name",
  "department",
  "postId",
  "postName",
  "facilityId",
  "facilityName",
  "ward",
  "duty",
  "startsAt",
  "endsAt",
  "reportTo",
  "state",
  "minutesOnDuty",
];

/**
 * The duty roster as CSV for a spreadsheet, one row per person and duty, times in the city's time.
 */
export async function readDutyRosterCsv(desk: DutyDesk, correlationId: string): Promise<string> {
  const { entries } = await desk.roster(correlationId);
  const rows = entries.flatMap((e) =>
    e.duties.map((d) => [
      e.staffId,
      e.name,
      e.department,
      d.postId,
      d.postName,
      d.facilityId,
      d.facilityName,
      d.ward,
      d.duty,
      toCityTime(d.startsAt),
      toCityTime(d.endsAt),
      d.reportTo,
      e.state,
      e.minutesOnDuty,
    ]),
  );
  return spreadsheetCsv(columns, rows);
}
