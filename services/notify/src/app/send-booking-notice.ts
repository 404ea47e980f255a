import type { Logger } from "@crisis/platform/ports";
import { BookingRecorded } from "@crisis/platform/contracts/counters";
import { composeBookingNotice } from "../domain/compose-notice";
import { SendNoticeDeps, sendNotice } from "./send-notice";

export type SendBookingNoticeDeps = SendNoticeDeps & { bookingUrl: string };

/**
 * A booking crisis mode moved or cancelled is told at once to the devices following its code
 * (`booking:<code>`). A holder's own change or cancel was done by them: no push.
 */
export async function sendBookingNotice(
  deps: SendBookingNoticeDeps,
  recorded: BookingRecorded,
  correlationId: string,
  logger: Logger,
): Promise<void> {
  const booking = recorded.booking;
  if (!booking?.crisisChange) return;
  const recipients = await sendNotice(
    deps,
    {
      alertId: recorded.eventId,
      topic: `booking:${booking.code}`,
      compose: (lang) => composeBookingNotice(recorded, lang, deps.bookingUrl),
    },
    correlationId,
  );
  logger.info({ alertId: recorded.eventId, change: booking.crisisChange, recipients }, "booking notice queued");
}
