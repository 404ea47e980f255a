import type { Logger } from "@crisis/platform/ports";
import { BookingRecorded } from "@crisis/platform/contracts/counters";
import { composeBookingNotice } from "../domain/compose-notice";
import { composedFor } from "./issue-alert";
import { queueAlert } from "./queue-alert";
import { SendStaffNoticeDeps } from "./send-staff-notice";

export type SendBookingNoticeDeps = Omit<SendStaffNoticeDeps, "staffUrl"> & { bookingUrl: string };

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
  const topic = `booking:${booking.code}`;
  const recipients = await queueAlert(
    deps,
    {
      alertId: recorded.eventId,
      urgency: "high",
      ttlSeconds: deps.ttlSeconds,
      topicScope: topic,
      recipients: composedFor(
        [...deps.store.followers(topic)].map((subscription) => ({ subscription })),
        ({ subscription }) => composeBookingNotice(recorded, subscription.lang, deps.bookingUrl),
      ),
    },
    correlationId,
  );
  logger.info({ alertId: recorded.eventId, change: booking.crisisChange, recipients }, "booking notice queued");
}
