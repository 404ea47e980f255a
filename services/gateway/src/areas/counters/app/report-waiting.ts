import { Clock, IdSource } from "@crisis/platform/ports";
import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { CounterWaitingBoard } from "../domain/counter-waiting";
import { errors } from "../../../domain/errors";
import { serviceView } from "../../../domain/facility-view";
import { FacilitiesAdmin, StaffOnPost } from "../../../app/ports";
import { CounterWaitingLog } from "./ports";

export interface WaitingDeps {
  facilities: FacilitiesAdmin;
  log: CounterWaitingLog;
  board: CounterWaitingBoard;
  clock: Clock;
  newId: IdSource;
  onDuty: StaffOnPost;
}

/**
 * A counter's waiting figure from its staff (on a post at that service's counter now), a
 * facility_admin or a manager: people waiting, or the next free slot of a reservation-only
 * counter. Published as an event; this replica shows it at once.
 */
export async function reportWaiting(
  deps: WaitingDeps,
  serviceId: string,
  figure: { waiting?: number; nextFreeSlot?: string },
  who: { subject: string; staffOnly: boolean },
  correlationId: string,
) {
  if (who.staffOnly && !deps.onDuty.isOnCounterOf(who.subject, serviceId, deps.clock.now())) throw errors.notOnCounter(serviceId);
  const author = who.subject;
  const service = (await deps.facilities.listServices(correlationId)).find((s) => s.id === serviceId);
  if (!service) throw errors.serviceNotFound(serviceId);
  const now = deps.clock.now();
  const report = CounterWaitingReported.fromPartial({
    eventId: deps.newId(),
    serviceId,
    serviceName: service.name,
    waiting: figure.waiting,
    nextFreeSlot: figure.nextFreeSlot ? new Date(figure.nextFreeSlot).toISOString() : "",
    reportedBy: author,
    reportedAt: now.toISOString(),
  });
  await deps.log.publish(report, correlationId);
  deps.board.apply(report);
  return { ...serviceView(service), waiting: deps.board.view(serviceId, now.getTime()) };
}
