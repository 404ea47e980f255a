import { Backbone, Logger, decodeEvent, streams } from "@crisis/platform";
import { eventTypes } from "@crisis/platform/contracts";
import { StaffOnDuty } from "../../areas/staffing/domain/staff-on-duty";

/**
 * This replica's view of who is on which post, from every reassignment and release since the
 * start of the staff stream (an ordered consumer: each replica reads all of them).
 */
export async function followStaffOnDuty(backbone: Backbone, onDuty: StaffOnDuty, logger: Logger) {
  const { staffReassigned, staffReleased } = eventTypes;
  // One filter for the whole stream: nats-server 2.9 takes a single filter subject per consumer.
  const consumer = await backbone.js.consumers.get(streams.staff.name, { filterSubjects: streams.staff.subjects[0] });
  const messages = await consumer.consume();
  const done = (async () => {
    for await (const msg of messages) {
      if (msg.subject === staffReassigned.subject) onDuty.reassigned(decodeEvent(staffReassigned, msg).event);
      else if (msg.subject === staffReleased.subject) onDuty.released(decodeEvent(staffReleased, msg).event);
    }
  })().catch((err) => logger.error({ err }, "staff on duty stopped following the staff stream"));
  return {
    async stop() {
      await messages.close();
      await done;
    },
  };
}
