import { CounterWaitingView } from "../domain/counter-waiting";
import { ExpectedWaiting } from "../domain/expected-waiting";
import { errors } from "../../../domain/errors";
import { serviceView } from "../../../domain/facility-view";
import { FacilitiesAdmin } from "../../../app/ports";

type WaitingOf = (serviceId: string) => CounterWaitingView | null;

/** Every counter service, the level of each of its channels now, and the counter's latest waiting figure. */
export async function readServices(facilities: FacilitiesAdmin, correlationId: string, waitingOf: WaitingOf) {
  return { services: (await facilities.listServices(correlationId)).map((s) => ({ ...serviceView(s), waiting: waitingOf(s.id) })) };
}

/** One counter service, with its waiting figure beside its channels (the online one is the alternative). */
export async function readService(facilities: FacilitiesAdmin, serviceId: string, correlationId: string, waitingOf: WaitingOf) {
  const service = (await facilities.listServices(correlationId)).find((s) => s.id === serviceId);
  if (!service) throw errors.serviceNotFound(serviceId);
  return { ...serviceView(service), waiting: waitingOf(serviceId) };
}

/** One counter service's usual wait per hour of the week, learned from its recorded waiting figures. */
export async function readExpectedWaiting(
  facilities: FacilitiesAdmin,
  serviceId: string,
  correlationId: string,
  expectedOf: (serviceId: string) => ExpectedWaiting,
) {
  const service = (await facilities.listServices(correlationId)).find((s) => s.id === serviceId);
  if (!service) throw errors.serviceNotFound(serviceId);
  return { serviceId, serviceName: service.name, ...expectedOf(serviceId) };
}
