import { CounterSlot, ListSlotsRequest } from "@crisis/platform/contracts/counters";
import { isBookable } from "../../domain/counters/booking";
import { isDate } from "../../domain/counters/japan-time";
import { SlotPlan } from "../../domain/counters/slots";
import { errors } from "../../domain/errors";
import { serviceDef } from "../list-services";
import { slotsOf } from "./find-slots";
import { CounterDeps } from "./ports";

export const slotView = (deps: Pick<CounterDeps, "board">, slot: SlotPlan, taken: number): CounterSlot => ({
  id: slot.id,
  serviceId: slot.serviceId,
  channel: slot.channel,
  officeId: slot.officeId,
  officeName: deps.board.record(slot.officeId)?.facility.name ?? "",
  startsAt: slot.startsAt,
  endsAt: slot.endsAt,
  places: slot.places,
  free: Math.max(0, slot.places - taken),
});

/** The day's slots of a service at every office of its bookable channels, with the places still free. */
export async function listSlots(deps: CounterDeps, req: ListSlotsRequest): Promise<CounterSlot[]> {
  if (!isDate(req.date)) throw errors.dateInvalid();
  const def = serviceDef(deps.board, req.serviceId, req.channel || undefined);
  if (req.channel && !isBookable(req.channel)) throw errors.channelNotBookable(req.channel);
  const channels = req.channel ? [req.channel] : def.channels.filter(isBookable);
  const slots = channels.flatMap((channel) => slotsOf(deps, def.id, channel, req.date));
  const taken = await Promise.all(slots.map((s) => deps.store.holders(s.id)));
  return slots.map((s, i) => slotView(deps, s, taken[i].codes.length));
}
