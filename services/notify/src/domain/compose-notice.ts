import { ResidentLang } from "@crisis/platform/contracts";
import { BookingRecorded } from "@crisis/platform/contracts/counters";
import { StaffReassigned, StaffReleased, StaffReminded, StaffRotaChanged, StaffTeamChanged } from "@crisis/platform/contracts/events";
import { fitted } from "./payload";
import { catalogue } from "./catalogue";

export type StaffNotice =
  | { kind: "reassigned"; event: StaffReassigned }
  | { kind: "released"; event: StaffReleased }
  | { kind: "reminded"; event: StaffReminded }
  | { kind: "team"; event: StaffTeamChanged }
  | { kind: "rota"; event: StaffRotaChanged };

/**
 * A staff member's own notice, in their language, opening that notice on the staff page
 * (`<staff page>/notices/<id>`; signed out, the person signs in and lands on it). An escalation is
 * about someone else's notice, so it opens the staff page itself.
 */
export function composeStaffNotice(notice: StaffNotice, lang: ResidentLang, staffUrl: string) {
  const t = catalogue[lang];
  const alertId = notice.event.eventId;
  const escalation = notice.kind === "reminded" && notice.event.aboutStaffId !== "";
  // A rota notice answers nothing: it opens the staff page, where "my team, my office days" is.
  const url = escalation || notice.kind === "rota" ? staffUrl : `${staffUrl}/notices/${encodeURIComponent(notice.event.noticeId)}`;
  const base = { alertId, lang, url, tag: `staff.${notice.event.noticeId}` };
  switch (notice.kind) {
    case "reassigned": {
      const e = notice.event;
      const until = e.endsAt ? t.time(e.endsAt) : t.staffUntilFurtherNotice;
      return fitted({
        ...base,
        title: t.staffReassignedTitle,
        body: t.staffReassigned({
          place: e.place,
          address: e.address,
          duty: e.duty,
          from: t.time(e.startsAt),
          until,
          reportTo: e.reportTo,
          phone: e.reportToPhone,
          bring: e.bring,
        }),
      });
    }
    case "released": {
      const floor = notice.event.floor;
      // Brought back to keep the home department's floor: said why, not just "ended".
      if (floor)
        return fitted({ ...base, title: t.staffReturnedTitle, body: t.staffReturned(floor.departmentName, floor.minimum, floor.skill) });
      return fitted({ ...base, title: t.staffReleasedTitle, body: t.staffReleased(notice.event.department) });
    }
    case "team": {
      const e = notice.event;
      const department = e.floor?.departmentName ?? "";
      return fitted({
        ...base,
        title: t.staffTeamTitle,
        body: t.staffTeam(e.place, e.leftName, department, e.floor?.minimum ?? 0, e.floor?.skill ?? "", e.replacementName),
      });
    }
    case "rota": {
      const e = notice.event;
      const body = e.stayHomeUntil
        ? t.staffStayHome(e.departmentName, t.time(e.stayHomeUntil), e.reason)
        : t.staffOfficeDays(e.departmentName, e.officeDays.map(t.day).join(t.listSeparator));
      return fitted({ ...base, title: t.staffRotaTitle, body });
    }
    case "reminded": {
      const e = notice.event;
      // An escalation goes to the department's head (staffId) about someone else.
      if (e.aboutStaffId) return fitted({ ...base, title: t.staffEscalatedTitle, body: t.staffEscalated(e.aboutName, e.proposedName) });
      return fitted({ ...base, title: t.staffRemindedTitle, body: t.staffReminded(e.attempt) });
    }
  }
}

/** The one push a booking's holder gets when crisis mode moved or cancelled it, naming what to do instead. */
export function composeBookingNotice(recorded: BookingRecorded, lang: ResidentLang, bookingUrl: string) {
  const t = catalogue[lang];
  const b = recorded.booking!;
  const base = { alertId: recorded.eventId, lang, url: `${bookingUrl}/${b.code}`, tag: `booking.${b.code}` };
  const service = b.serviceName || b.serviceId;
  if (b.crisisChange === "moved")
    return fitted({ ...base, title: t.bookingMovedTitle, body: t.bookingMoved(service, b.officeName, t.time(b.startsAt)) });
  const instead = b.alternatives.flatMap((c) => (t.alternatives[c] ? [t.alternatives[c]] : [])).join(" ");
  return fitted({ ...base, title: t.bookingCancelledTitle, body: t.bookingCancelled(service, instead) });
}
