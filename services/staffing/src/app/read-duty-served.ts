import type { Clock } from "@crisis/platform/ports";
import { closeDuties, type PlanRequest } from "../domain";
import type { DutyBook } from "./ports";

/**
 * What each person has served on emergency duty so far, as the next plan needs it: minutes to
 * spread the load (those who served least go first) and the last end for the rest rule. Duties
 * on the posts being planned are not counted: the plan in force carries them, and counting them
 * too would keep people from the very posts they hold.
 */
export function readDutyServed(
  deps: { duties: DutyBook; clock: Clock },
  planned: ReadonlySet<string>,
): Pick<PlanRequest, "minutesOnDuty" | "lastDutyEnd"> {
  const now = deps.clock.now();
  const minutesOnDuty = new Map<string, number>();
  const lastDutyEnd = new Map<string, Date>();
  for (const stored of deps.duties.all()) {
    const record = closeDuties({ ...stored, duties: stored.duties.filter((d) => !planned.has(d.postId)) }, now);
    if (record.minutesOnDuty > 0) minutesOnDuty.set(record.staffId, record.minutesOnDuty);
    if (record.lastDutyEnd) lastDutyEnd.set(record.staffId, new Date(record.lastDutyEnd));
  }
  return { minutesOnDuty, lastDutyEnd };
}
