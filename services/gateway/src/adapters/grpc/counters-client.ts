import { callUnary, grpcClient } from "@crisis/platform";
import { CountersServiceClient } from "@crisis/platform/contracts/counters_service";
import { CounterBookings } from "../../app/counters";

/** The gateway's port onto facilities' counters (bookings): every call carries a deadline and the correlation id. */
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
  return { bookings, close: () => client.close() };
}

export type CounterClients = ReturnType<typeof counterClients>;
