import { errors } from "../../domain/errors";
import { CounterDeps } from "./ports";

/**
 * Compare-and-set rounds lost to changes other than a place taken (releases, changes) before giving
 * up: only writers in other processes can make one lose.
 */
const attempts = 20;

/** Adds a code to a slot's holders if a place is free; a full slot is refused, never over-filled. */
export function takePlace(deps: CounterDeps, slotId: string, places: number, code: string): Promise<void> {
  return deps.perSlot(slotId, async () => {
    // A round lost to another process taking a place uses one of the slot's places, so at most
    // `places` rounds go that way before the slot reads full: a busy moment ends in a booking or
    // SLOT_FULL, not BOOKING_BUSY while places were still being given.
    for (let i = 0; i < places + attempts; i++) {
      const held = await deps.store.holders(slotId);
      if (held.codes.includes(code)) return;
      if (held.codes.length >= places) throw errors.slotFull();
      if (await deps.store.writeHolders(slotId, [...held.codes, code], held.revision)) return;
    }
    throw errors.bookingBusy();
  });
}

/** Frees a code's place in a slot (nothing when it holds none). */
export function releasePlace(deps: CounterDeps, slotId: string, code: string): Promise<void> {
  return deps.perSlot(slotId, async () => {
    for (let i = 0; i < attempts; i++) {
      const held = await deps.store.holders(slotId);
      if (!held.codes.includes(code)) return;
      if (
        await deps.store.writeHolders(
          slotId,
          held.codes.filter((c) => c !== code),
          held.revision,
        )
      )
        return;
    }
    throw errors.bookingBusy();
  });
}
