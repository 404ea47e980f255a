import type { Clock } from "@crisis/platform/ports";
import type { Duty as DutyMessage, DutyNotice, StaffDuties } from "@crisis/platform/contracts/duties";
import { closeDuties, currentAndNext, emptyRecord, errors, type Duty, type Notice } from "../domain";
import type { DutyBook, Roster } from "./ports";

/** Records written before the place, the lead's phone and the things to bring were kept read as empty. */
export const dutyView = (duty: Duty): DutyMessage => ({
  ...duty,
  address: duty.address ?? "",
  latitude: duty.latitude ?? 0,
  longitude: duty.longitude ?? 0,
  reportToPhone: duty.reportToPhone ?? "",
  bring: [...(duty.bring ?? [])],
});

export const noticeView = (n: Notice): DutyNotice => ({
  id: n.id,
  kind: n.kind,
  duty: n.duty ? dutyView(n.duty) : undefined,
  sentAt: n.sentAt,
  state: n.state,
  answeredAt: n.answeredAt ?? "",
  reason: n.reason ?? "",
});

/** A person's page: their duty now, the next one, and their notices, newest first. */
export async function readStaffDuties(deps: { roster: Roster; duties: DutyBook; clock: Clock }, staffId: string): Promise<StaffDuties> {
  const person = deps.roster.staff.find((p) => p.id === staffId);
  if (!person) throw errors.staffNotFound(staffId);
  const now = deps.clock.now();
  const record = closeDuties((await deps.duties.get(staffId)) ?? emptyRecord(staffId), now);
  const { current, next } = currentAndNext(record.duties, now);
  return {
    staffId,
    name: person.name,
    current: current ? dutyView(current) : undefined,
    next: next ? dutyView(next) : undefined,
    notices: [...record.notices].reverse().map(noticeView),
  };
}
