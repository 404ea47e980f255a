import { Duty, DutyNotice, StaffDuties } from "@crisis/platform/contracts/duties";
import { DutyDesk } from "./ports";

export const dutyView = (d: Duty) => ({
  postId: d.postId,
  postName: d.postName,
  facilityId: d.facilityId,
  facilityName: d.facilityName,
  ward: d.ward,
  duty: d.duty,
  startsAt: d.startsAt,
  endsAt: d.endsAt,
  reportTo: d.reportTo,
  reportToPhone: d.reportToPhone,
  address: d.address,
  // null when the place is not known (a call centre, a round): no map link then.
  latitude: d.latitude || d.longitude ? d.latitude : null,
  longitude: d.latitude || d.longitude ? d.longitude : null,
  bring: d.bring,
});

export const noticeView = (n: DutyNotice) => ({
  id: n.id,
  kind: n.kind,
  duty: n.duty ? dutyView(n.duty) : null,
  sentAt: n.sentAt,
  state: n.state,
  ...(n.answeredAt ? { answeredAt: n.answeredAt } : {}),
  ...(n.reason ? { reason: n.reason } : {}),
});

const dutiesView = (d: StaffDuties) => ({
  staffId: d.staffId,
  name: d.name,
  current: d.current ? dutyView(d.current) : null,
  next: d.next ? dutyView(d.next) : null,
  notices: d.notices.map(noticeView),
});

/** A person's page: their duty now and next, and their notices, newest first. */
export async function readStaffDuties(desk: DutyDesk, staffId: string, correlationId: string) {
  return dutiesView(await desk.duties(staffId, correlationId));
}
