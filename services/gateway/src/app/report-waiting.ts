import { Clock, IdSource } from "@crisis/platform";
import { CounterWaitingReported } from "@crisis/platform/contracts/crowding";
import { CounterWaitingBoard } from "../domain/counter-waiting";
import { errors } from "../domain/errors";
import { serviceView } from "../domain/facility-view";
import { CounterWaitingLog, FacilitiesAdmin } from "./ports";

export interface WaitingDeps {
  facilities: FacilitiesAdmin;
  log: CounterWaitingLog;
  board: CounterWaitingBoard;
  clock: Clock;
  newId: IdSource;
}

/**
 * A counter's waiting figure from its staff: people waiting, or the next free slot of a
 * reservation-only counter. Published as an event; this replica shows it at once.
 */
export async function reportWaiting(
  deps: WaitingDeps,
  serviceId: string,
  figure: { waiting?: number; next_free_slot?: string },
  author: string,
  correlationId: string,
) {
  const service = (await deps.facilities.listServices(correlationId)).find((s) => s.id === serviceId);
  if (!service) throw errors.serviceNotFound(serviceId);
  const now = deps.clock.now();
  const report = CounterWaitingReported.fromPartial({
    eventId: deps.newId(),
    serviceId,
    serviceName: service.name,
    waiting: figure.waiting,
    nextFreeSlot: figure.next_free_slot ? new Date(figure.next_free_slot).toISOString() : "",
    reportedBy: author,
    reportedAt: now.toISOString(),
  });
  await deps.log.publish(report, correlationId);
  deps.board.apply(report);
  return { ...serviceView(service), waiting: deps.board.view(serviceId, now.getTime()) };
}
