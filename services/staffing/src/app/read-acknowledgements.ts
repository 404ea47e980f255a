import type { Clock } from "@crisis/platform/ports";
import type { Acknowledgements } from "@crisis/platform/contracts/duties";
import { oldestUnanswered, tallyAnswers } from "../domain";
import type { DutyBook, Roster } from "./ports";

/** How many unanswered notices an officer sees by name: the oldest first. */
const unansweredShown = 50;

/**
 * How many duty notices were acknowledged, declined, still pending and overdue, city-wide and per
 * home department, and the oldest still unanswered by name, for an officer to chase or replace.
 */
export function readAcknowledgements(deps: { roster: Roster; duties: DutyBook; clock: Clock; remindAfterMs: number }): Acknowledgements {
  const people = new Map(deps.roster.staff.map((p) => [p.id, p]));
  const now = deps.clock.now();
  const { all, byDepartment } = tallyAnswers(deps.duties.all(), (id) => people.get(id)?.department ?? "", now, deps.remindAfterMs);
  const unanswered = oldestUnanswered(deps.duties.all(), now, deps.remindAfterMs, unansweredShown).map(({ staffId, notice, overdue }) => ({
    staffId,
    name: people.get(staffId)?.name ?? staffId,
    department: people.get(staffId)?.department ?? "",
    postId: notice.duty!.postId,
    place: notice.duty!.facilityName,
    duty: notice.duty!.duty,
    startsAt: notice.duty!.startsAt,
    sentAt: notice.sentAt,
    overdue,
    escalated: notice.escalatedAt !== undefined,
  }));
  const names = new Map(deps.roster.departments.map((d) => [d.id, d.name]));
  const named = byDepartment.map((d) => ({ ...d, departmentName: names.get(d.department) ?? d.department }));
  return { all: { ...all, departmentName: "" }, byDepartment: named, unanswered };
}
