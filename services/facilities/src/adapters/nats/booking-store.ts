import { JetStreamClient } from "nats";
import { keysUnder, live, lostRace } from "./kv-entries";
import { buckets, openBucket } from "@crisis/platform";
import { CounterBooking } from "@crisis/platform/contracts/counters";
import { BookingStore } from "../../app/counters/ports";

const slotKey = (slotId: string) => `slot.${slotId}`;
const bookingKey = (code: string) => `booking.${code}`;

/**
 * Bookings in the counter_bookings KV bucket: `booking.<code>` holds one booking, `slot.<slot id>`
 * the codes holding that slot's places, written only over the revision read (compare-and-set).
 */
export async function kvBookingStore(js: JetStreamClient, options: { replicas: number }): Promise<BookingStore> {
  const kv = await openBucket(js, buckets.counterBookings, options.replicas);
  return {
    async holders(slotId) {
      const entry = await kv.get(slotKey(slotId));
      if (!entry) return { codes: [], revision: 0 };
      return { codes: live(entry) ? entry.json<string[]>() : [], revision: entry.revision };
    },
    async writeHolders(slotId, codes, revision) {
      const value = JSON.stringify(codes);
      try {
        await (revision === 0 ? kv.create(slotKey(slotId), value) : kv.update(slotKey(slotId), value, revision));
        return true;
      } catch (err) {
        if (lostRace(err)) return false;
        throw err;
      }
    },
    async booking(code) {
      const entry = live(await kv.get(bookingKey(code)));
      return entry ? CounterBooking.fromJSON(entry.json()) : undefined;
    },
    async putBooking(booking) {
      await kv.put(bookingKey(booking.code), JSON.stringify(CounterBooking.toJSON(booking)));
    },
    async deleteBooking(code) {
      await kv.purge(bookingKey(code));
    },
    async deleteHolders(slotId) {
      await kv.purge(slotKey(slotId));
    },
    bookingCodes: () => keysUnder(kv, "booking"),
    slotIds: () => keysUnder(kv, "slot"),
  };
}
