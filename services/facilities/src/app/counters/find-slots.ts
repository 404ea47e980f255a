import { FacilityRecord } from "../../domain/condition";
import { bookableChannels, isBookable } from "../../domain/counters/booking";
import { SlotPlan, daySlots, keyPart } from "../../domain/counters/slots";
import { parseSlotId } from "../../domain/counters/slot-id";
import { errors } from "../../domain/errors";
import { serviceDef } from "../list-services";
import { CounterDeps } from "./ports";

/** The offices that hold a bookable channel (ward offices for `counter`, branch offices for `branch_office`). */
export const officesFor = (deps: Pick<CounterDeps, "board">, channel: string): FacilityRecord[] =>
  [...deps.board.records.values()].filter((r) => r.facility.category === bookableChannels[channel]);

/** Every slot of one service channel on one day, office by office. */
export function slotsOf(deps: Pick<CounterDeps, "board" | "settings">, serviceId: string, channel: string, date: string): SlotPlan[] {
  const levelAt = (t: number) => deps.board.levelAt(serviceId, channel, t).level;
  return officesFor(deps, channel).flatMap((office) => daySlots({ serviceId, channel, date, office, levelAt }, deps.settings));
}

/** The slot an id names, as the service's level and the office's hours give it now. */
export function findSlot(deps: Pick<CounterDeps, "board" | "settings">, id: string): SlotPlan {
  const ref = parseSlotId(id);
  if (!ref || !deps.board.serviceDefs.has(ref.serviceId) || !isBookable(ref.channel)) throw errors.slotNotFound(id);
  serviceDef(deps.board, ref.serviceId, ref.channel);
  const found = slotsOf(deps, ref.serviceId, ref.channel, ref.date).find(
    (s) => keyPart(s.officeId) === ref.officeKey && s.minute === ref.minute,
  );
  if (!found) throw errors.slotNotFound(id);
  return found;
}
