import type { Clock } from "@crisis/platform/ports";
import type { DutyRoster } from "@crisis/platform/contracts/duties";
import { closeDuties, currentAndNext } from "../domain";
import type { DutyBook, Roster } from "./ports";
import { dutyView } from "./read-staff-duties";

/** Everyone with an emergency duty in force, in roster order: their duty now and next, every duty, and the minutes served. */
export function readDutyRoster(deps: { roster: Roster; duties: DutyBook; clock: Clock }): DutyRoster {
  const now = deps.clock.now();
  const people = new Map(deps.roster.staff.map((p, i) => [p.id, { person: p, order: i }]));
  const entries = [...deps.duties.all()]
    .map((stored) => ({ record: closeDuties(stored, now), known: people.get(stored.staffId) }))
    .filter(({ record, known }) => known !== undefined && record.duties.length > 0)
    .sort((a, b) => a.known!.order - b.known!.order)
    .map(({ record, known }) => {
      const { current, next } = currentAndNext(record.duties, now);
      const newest = [...record.notices].reverse().find((n) => n.kind === "reassigned");
      return {
        staffId: record.staffId,
        name: known!.person.name,
        department: known!.person.department,
        current: current ? dutyView(current) : undefined,
        next: next ? dutyView(next) : undefined,
        duties: record.duties.map(dutyView),
        state: newest?.state ?? "",
        minutesOnDuty: record.minutesOnDuty,
      };
    });
  return { entries };
}
