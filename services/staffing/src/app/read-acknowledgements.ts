import type { Clock } from "@crisis/platform";
import type { Acknowledgements } from "@crisis/platform/contracts/duties";
import { tallyAnswers } from "../domain";
import type { DutyBook, Roster } from "./ports";

/** How many duty notices were acknowledged, declined, still pending and overdue, city-wide and per home department. */
export function readAcknowledgements(deps: { roster: Roster; duties: DutyBook; clock: Clock; remindAfterMs: number }): Acknowledgements {
  const departments = new Map(deps.roster.staff.map((p) => [p.id, p.department]));
  const { all, byDepartment } = tallyAnswers(deps.duties.all(), (id) => departments.get(id) ?? "", deps.clock.now(), deps.remindAfterMs);
  return { all, byDepartment };
}
