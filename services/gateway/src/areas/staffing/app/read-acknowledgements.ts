import { AcknowledgementCount } from "@crisis/platform/contracts/duties";
import { DutyDesk } from "./ports";

const counts = (c: AcknowledgementCount | undefined) => ({
  total: c?.total ?? 0,
  acknowledged: c?.acknowledged ?? 0,
  declined: c?.declined ?? 0,
  pending: c?.pending ?? 0,
  overdue: c?.overdue ?? 0,
});

/** How far staff have answered their duty notices, city-wide and per home department, and who has not (oldest first). */
export async function readAcknowledgements(desk: DutyDesk, correlationId: string) {
  const tally = await desk.acknowledgements(correlationId);
  return {
    ...counts(tally.all),
    byDepartment: tally.byDepartment.map((d) => ({
      department: d.department,
      departmentName: d.departmentName || d.department,
      ...counts(d),
    })),
    unanswered: tally.unanswered.map((u) => ({
      staffId: u.staffId,
      name: u.name,
      department: u.department,
      postId: u.postId,
      place: u.place,
      duty: u.duty,
      startsAt: u.startsAt,
      sentAt: u.sentAt,
      overdue: u.overdue,
      escalated: u.escalated,
    })),
  };
}
