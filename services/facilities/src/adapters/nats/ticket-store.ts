import { JetStreamClient } from "nats";
import { keysUnder, live, lostRace } from "./kv-entries";
import { buckets, openBucket } from "@crisis/platform";
import { CounterTicket } from "@crisis/platform/contracts/counters";
import { TicketStore } from "../../app/counters/ticket-ports";
import { DayQueue, emptyQueue } from "../../domain/counters/tickets";

const day = (date: string) => date.replaceAll("-", "");
const queueKey = (counterId: string, date: string) => `queue.${counterId}.${day(date)}`;
const numberKey = (counterId: string, date: string, n: number) => `number.${counterId}.${day(date)}.${n}`;
const ticketKey = (code: string) => `ticket.${code}`;

/**
 * Remote tickets in the counter_tickets KV bucket: `queue.<counter>.<yyyymmdd>` is the day's queue,
 * written only over the revision read (compare-and-set); `number.<counter>.<yyyymmdd>.<n>` the code of
 * each number; `ticket.<code>` one ticket. The bucket's age limit drops a day's keys after two days.
 */
export async function kvTicketStore(js: JetStreamClient, options: { replicas: number }): Promise<TicketStore> {
  const kv = await openBucket(js, buckets.counterTickets, options.replicas);
  return {
    async queue(counterId, date) {
      const entry = await kv.get(queueKey(counterId, date));
      if (!entry) return { queue: emptyQueue(), revision: 0 };
      return { queue: live(entry) ? entry.json<DayQueue>() : emptyQueue(), revision: entry.revision };
    },
    async writeQueue(counterId, date, queue, revision) {
      const value = JSON.stringify(queue);
      try {
        const key = queueKey(counterId, date);
        await (revision === 0 ? kv.create(key, value) : kv.update(key, value, revision));
        return true;
      } catch (err) {
        if (lostRace(err)) return false;
        throw err;
      }
    },
    async ticket(code) {
      const entry = live(await kv.get(ticketKey(code)));
      return entry ? CounterTicket.fromJSON(entry.json()) : undefined;
    },
    async putTicket(ticket) {
      await kv.put(ticketKey(ticket.code), JSON.stringify(CounterTicket.toJSON(ticket)));
    },
    async codeOf(counterId, date, n) {
      const entry = live(await kv.get(numberKey(counterId, date, n)));
      return entry ? entry.string() : undefined;
    },
    async putNumber(counterId, date, n, code) {
      await kv.put(numberKey(counterId, date, n), code);
    },
    ticketCodes: () => keysUnder(kv, "ticket"),
  };
}
