import { Logger } from "@crisis/platform/ports";
import { StaffNotice, composeStaffNotice } from "../domain/compose-notice";
import { SendNoticeDeps, sendNotice } from "./send-notice";

export type SendStaffNoticeDeps = SendNoticeDeps & { staffUrl: string };

/**
 * A reassignment, release or reminder goes at once, and only to the subscriptions following that
 * staff member (`staff:<id>`): personal, urgent, and never coalesced with the city's news.
 */
export async function sendStaffNotice(
  deps: SendStaffNoticeDeps,
  notice: StaffNotice,
  correlationId: string,
  logger: Logger,
): Promise<void> {
  const alertId = notice.event.eventId;
  const recipients = await sendNotice(
    deps,
    { alertId, topic: `staff:${notice.event.staffId}`, compose: (lang) => composeStaffNotice(notice, lang, deps.staffUrl) },
    correlationId,
  );
  logger.info({ alertId, kind: notice.kind, recipients }, "staff notice queued");
}
