import { callUnary, grpcClient } from "@crisis/platform";
import { CountersServiceClient } from "@crisis/platform/contracts/counters_service";
import { CounterBookings, CounterTickets } from "../../areas/counters/app/counters";

/** The gateway's port onto facilities' counters (bookings and tickets): every call carries a deadline and the correlation id. */
export function counterClients(target: string, deadlineMs: number) {
  const client = grpcClient(CountersServiceClient, target);
  const opts = (correlationId: string) => ({ correlationId, deadlineMs });
  const bookings: CounterBookings = {
    slots: async (request, correlationId) =>
      (await callUnary("facilities", client.listSlots.bind(client), request, opts(correlationId))).slots,
    book: async (slotId, correlationId) =>
      (await callUnary("facilities", client.bookSlot.bind(client), { slotId }, opts(correlationId))).booking!,
    get: async (code, correlationId) =>
      (await callUnary("facilities", client.getBooking.bind(client), { code }, opts(correlationId))).booking!,
    change: async (code, slotId, correlationId) =>
      (await callUnary("facilities", client.changeBooking.bind(client), { code, slotId }, opts(correlationId))).booking!,
    cancel: async (code, correlationId) =>
      (await callUnary("facilities", client.cancelBooking.bind(client), { code }, opts(correlationId))).booking!,
  };
  const tickets: CounterTickets = {
    take: (counterId, correlationId) => callUnary("facilities", client.takeTicket.bind(client), { counterId }, opts(correlationId)),
    get: (code, correlationId) => callUnary("facilities", client.getTicket.bind(client), { code }, opts(correlationId)),
    queue: (counterId, correlationId) => callUnary("facilities", client.getCounterQueue.bind(client), { counterId }, opts(correlationId)),
    callNext: (counterId, calledBy, correlationId) =>
      callUnary("facilities", client.callNext.bind(client), { counterId, calledBy }, opts(correlationId)),
    dayBookings: async (counterId, date, correlationId) =>
      (await callUnary("facilities", client.listDayBookings.bind(client), { counterId, date }, opts(correlationId))).bookings,
  };
  return { bookings, tickets, close: () => client.close() };
}

export type CounterClients = ReturnType<typeof counterClients>;
