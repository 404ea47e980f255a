import type { RotaPlanned, RotaReturned, RotaSuspended, StaffRotaChanged } from "@crisis/platform/contracts/events";
import type { RotaNotice } from "./rota-view";
import type { DepartmentRota } from "./team-book";

// The rota's events, built from the rota alone. Event ids come from the cause (the split's members,
// the out's end), so a repeat publishes nothing twice.

/** A department's split kept as its rota from its first day. */
export function rotaPlanned(rota: DepartmentRota, at: Date): RotaPlanned {
  const teams = rota.split.teams.map((t) => ({ teamId: t.id, letter: t.letter, staffIds: [...t.members] }));
  const plannedAt = at.toISOString();
  return {
    eventId: `rota-planned:${rota.split.department}:${rota.firstDay}:${teams.map((t) => t.staffIds.length).join("-")}:${plannedAt}`,
    department: rota.split.department,
    teams,
    unit: rota.split.rota,
    firstDay: rota.firstDay,
    plannedAt,
  };
}

/** A team out (or its out moved): the floors the teams still in cannot hold, in words. */
export function rotaSuspended(rota: DepartmentRota, teamId: string, short: readonly string[], at: Date): RotaSuspended {
  const out = rota.outs.find((o) => o.teamId === teamId)!;
  return {
    eventId: `rota-suspended:${teamId}:${out.since}:${out.until}`,
    teamId,
    department: rota.split.department,
    reason: out.reason,
    until: out.until,
    suspendedAt: at.toISOString(),
    shortFloors: [...short],
  };
}

/** A team back on the rota. */
export function rotaReturned(rota: DepartmentRota, teamId: string, at: Date): RotaReturned {
  const returnedAt = at.toISOString();
  return { eventId: `rota-returned:${teamId}:${returnedAt}`, teamId, department: rota.split.department, returnedAt };
}

/** One person told their days; `noticeId` comes from what they are told, so the same days told again publish nothing. */
export function staffRotaChanged(rota: DepartmentRota, notice: RotaNotice, noticeId: string, reason: string, at: Date): StaffRotaChanged {
  return {
    eventId: `staff-rota-${noticeId}`,
    noticeId,
    staffId: notice.staffId,
    teamId: notice.teamId,
    department: rota.split.department,
    departmentName: rota.split.name,
    stayHomeUntil: notice.stayHomeUntil ?? "",
    officeDays: [...notice.officeDays],
    reason,
    issuedAt: at.toISOString(),
  };
}
